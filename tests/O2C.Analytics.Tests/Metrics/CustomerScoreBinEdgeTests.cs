using O2C.Analytics.Pipeline;
using O2C.Analytics.SqlModels;
using O2C.Analytics.Storage;
using O2C.Analytics.Tests.Support;

namespace O2C.Analytics.Tests.Metrics;

/// <summary>
/// The customer score's bins and bands at their edges (fct_customer_score_monthly over int_customer_scorecard): a
/// value is in a bin when above &lt; value &lt;= up_to, so a value exactly on an edge belongs to the lower bin and to no
/// other; a score exactly on a band's floor (80, 65, 50, 35, 0) is in that band. The factors are set by hand in
/// fct_customer_score_factors and the model's own SQL is run over them.
/// </summary>
public sealed class CustomerScoreBinEdgeTests(CustomerScoreBinEdgeTests.EmptyWarehouse empty) : IClassFixture<CustomerScoreBinEdgeTests.EmptyWarehouse>
{
    /// <summary>A refreshed warehouse with no data: the scorecard is built; each test adds its own customer's factors.</summary>
    public sealed class EmptyWarehouse : IDisposable
    {
        public TempWarehouse W { get; } = new();

        public EmptyWarehouse()
        {
            WarehouseRefresh.Run(W.Warehouse, SqlFolder.Default(), "USD");
            W.Warehouse.Execute("CREATE OR REPLACE TEMP MACRO month_ends_from() AS DATE '0001-01-01'");
        }

        /// <summary>The score model's own SQL, run over the factors each test sets.</summary>
        public string ScoreSql { get; } = SqlModel.ReadAll(SqlFolder.Default().File("models")).Single(m => m.Name == "fct_customer_score_monthly").Sql;

        public void Dispose() => W.Dispose();
    }

    private readonly TempWarehouse _w = empty.W;

    // A neutral customer month: every factor inside a bin, away from its edges.
    private static readonly Dictionary<string, string> Neutral = new()
    {
        ["invoices_settled_12m"] = "10", ["late_share_12m"] = "0.5", ["mean_days_late_12m"] = "5", ["late_share_trend"] = "0",
        ["broken_promises_12m"] = "5", ["disputes_12m"] = "5", ["past_due_share"] = "0.4", ["credit_limit_use"] = "0.6", ["tenure_months"] = "20",
    };

    private void Factors(string customer, params (string Factor, string Value)[] values)
    {
        var row = new Dictionary<string, string>(Neutral);
        foreach (var (factor, value) in values) row[factor] = value;
        _w.Warehouse.Execute($"INSERT INTO fct_customer_score_factors BY NAME SELECT DATE '2026-03-31' AS month_end, '{customer}' AS customer_id, " +
            string.Join(", ", row.Select(p => $"{p.Value} AS {p.Key}")));
    }

    private List<Dictionary<string, object?>> Scored(string customer)
    {
        return _w.Warehouse.Query($"SELECT * FROM (\n{empty.ScoreSql}\n) WHERE customer_id = $c", r =>
            Enumerable.Range(0, r.FieldCount).ToDictionary(r.GetName, i => r.IsDBNull(i) ? null : r.GetValue(i)), ("c", customer));
    }

    public static TheoryData<string, string, string, string> Edges => new()
    {
        // factor, value exactly on an edge, the bin column, the bin it belongs to (the lower one)
        { "late_share_12m", "0.10", "late_share_bin", "<=10%" },
        { "late_share_12m", "0.25", "late_share_bin", "10-25%" },
        { "late_share_12m", "0.40", "late_share_bin", "25-40%" },
        { "late_share_12m", "0.60", "late_share_bin", "40-60%" },
        { "mean_days_late_12m", "1", "days_late_bin", "<=1" },
        { "mean_days_late_12m", "3", "days_late_bin", "1-3" },
        { "mean_days_late_12m", "7", "days_late_bin", "3-7" },
        { "mean_days_late_12m", "15", "days_late_bin", "7-15" },
        { "late_share_trend", "-0.20", "late_trend_bin", "improving" },
        { "late_share_trend", "0.20", "late_trend_bin", "steady" },
        { "broken_promises_12m", "0", "broken_promises_bin", "0" },
        { "broken_promises_12m", "1", "broken_promises_bin", "1" },
        { "disputes_12m", "0", "disputes_bin", "0" },
        { "disputes_12m", "2", "disputes_bin", "1-2" },
        { "past_due_share", "0", "past_due_bin", "0" },
        { "past_due_share", "0.25", "past_due_bin", "<=25%" },
        { "past_due_share", "0.50", "past_due_bin", "25-50%" },
        { "credit_limit_use", "0.25", "credit_limit_use_bin", "<=25%" },
        { "credit_limit_use", "0.50", "credit_limit_use_bin", "25-50%" },
        { "credit_limit_use", "0.75", "credit_limit_use_bin", "50-75%" },
        { "credit_limit_use", "1.00", "credit_limit_use_bin", "75-100%" },
        { "tenure_months", "5", "tenure_bin", "<6" },
        { "tenure_months", "11", "tenure_bin", "6-12" },
    };

    [Theory]
    [MemberData(nameof(Edges))]
    public void A_value_exactly_on_a_bins_upper_edge_is_in_that_bin_and_not_the_next(string factor, string value, string binColumn, string bin)
    {
        var customer = $"{factor}={value}";
        Factors(customer, (factor, value));
        var row = Assert.Single(Scored(customer));
        Assert.Equal(bin, row[binColumn]);
        Assert.NotNull(row["score"]);
    }

    [Theory]
    // Points: late share <=10% 2, 10-60% 1, >60% 0; days late <=1 28, 1-3 22, 3-15 21, >15 0; trend improving 2, else 0;
    // broken promises 0: 6, 1: 1, 2+: 0; disputes 0: 15, 1-2: 10, 3+: 0; past due 0: 27, <=25%: 2, more 0;
    // limit use <=25% 20, 25-50% 12, 50-75% 8, 75-100% 5, >100% 0, none 12; tenure 0.
    [InlineData("0.05", "1", "-0.5", "0", "0", "0", "2", 80, "A")]   // 2 + 28 + 2 + 6 + 15 + 27 + 0
    [InlineData("0.05", "1", "0", "5", "0", "0.6", "0.1", 65, "B")]  // 2 + 28 + 0 + 0 + 15 + 0 + 20
    [InlineData("0.9", "1", "0", "5", "1", "0.6", "0.3", 50, "C")]   // 0 + 28 + 0 + 0 + 10 + 0 + 12
    [InlineData("0.05", "5", "0", "5", "5", "0.6", "NULL", 35, "D")] // 2 + 21 + 0 + 0 + 0 + 0 + 12
    [InlineData("0.9", "20", "0", "5", "5", "0.6", "2", 0, "E")]     // every factor in its worst bin
    public void A_score_exactly_on_a_bands_floor_is_in_that_band(string lateShare, string daysLate, string trend, string broken, string disputes,
        string pastDue, string limitUse, int score, string band)
    {
        var customer = $"score {score}";
        Factors(customer, ("late_share_12m", lateShare), ("mean_days_late_12m", daysLate), ("late_share_trend", trend), ("broken_promises_12m", broken),
            ("disputes_12m", disputes), ("past_due_share", pastDue), ("credit_limit_use", limitUse));
        var row = Assert.Single(Scored(customer));
        Assert.Equal((score, band), (Convert.ToInt32(row["score"]), (string?)row["score_band"]));
    }
}
