using O2C.Analytics.Sla;
using O2C.Analytics.Render.Excel;
using O2C.Analytics.Storage;
using static O2C.Analytics.Render.Excel.ColumnKind;
using Src = O2C.Analytics.Render.Excel.ColumnKind;

namespace O2C.Analytics.Reports.QuarterlyReview;

/// <summary>Reads the review of one quarter (and the three before it, for trends) from sla_measurements.</summary>
public static class SlaReviewReader
{
    /// <summary>The Breaches sheet lists at most this many, worst first: Excel's limit is a million rows.</summary>
    public const int BreachListLimit = 50_000;

    public static readonly IReadOnlyList<ReportColumn> TrendColumns =
    [
        new("sla_id", "SLA", Text, 20), new("sla_name", "Name", Text, 44), new("owner", "Owner", Text, 8), new("quarter", "Quarter", Text, 9),
        new("volume", "Items", Count, 10), new("breaches", "Breaches", Count, 10), new("open_breaches", "Still open at quarter end", Count, 11),
        new("compliance", "Compliance", Percent, 11), new("target_rate", "Target", Percent, 9), new("target_met", "Target met", Text, 8),
        new("mean_days_over", "Mean days over (breaches)", Days, 11), new("max_days_over", "Most days over", Count, 10),
        new("inhouse_compliance", "In-house on the same SLA", Percent, 11),
        new("service_credit", "Service credit (after cap)", Amount, 14),
    ];

    /// <summary>What the contract prices: read with the trend, not shown as columns.</summary>
    private static readonly IReadOnlyList<ReportColumn> CreditBasisColumns =
    [
        new("inhouse_volume", "", Count), new("unassigned_volume", "", Count), new("bpo_breaches", "", Count),
        new("credit_per_breach", "", Amount), new("credit_per_missed_target", "", Amount),
    ];

    public static readonly IReadOnlyList<ReportColumn> CauseColumns =
    [
        // The SLA by id only: the Summary names it, and a repeated 50-character name ran into the cause when printed.
        new("sla_id", "SLA", Text, 20), new("cause", "Cause", Src.SourceText, 26),
        new("volume", "Items", Count, 10), new("breaches", "Breaches", Count, 10), new("open_breaches", "Still open", Count, 10),
        new("share_of_breaches", "Share of the SLA's breaches", Percent, 12), new("value_affected", "Value affected", Amount, 14),
        new("share_of_value", "Share of the value", Percent, 10), new("rank_by_value", "Rank by value", Count, 8),
        new("breach_rate", "Breach rate", Percent, 10), new("mean_days_over", "Mean days over", Days, 10),
    ];

    public static readonly IReadOnlyList<ReportColumn> OwnerColumns =
    [
        new("sla_id", "SLA", Text, 20), new("sla_name", "Name", Text, 44), new("sla_owner", "SLA owner", Text, 9), new("handled_by", "Handled by", Text, 10),
        new("bpo_team", "Team", Src.SourceText, 20), new("counted", "Counts in the SLA", Text, 9),
        new("volume", "Items", Count, 10), new("breaches", "Breaches", Count, 10), new("compliance", "Compliance", Percent, 11), new("target_rate", "Target", Percent, 9),
    ];

    public static readonly IReadOnlyList<ReportColumn> SegmentColumns =
    [
        new("sla_id", "SLA", Text, 20), new("sla_name", "Name", Text, 44), new("segment", "Segment", Src.SourceText, 14),
        new("volume", "Items", Count, 10), new("breaches", "Breaches", Count, 10), new("compliance", "Compliance", Percent, 11), new("target_rate", "Target", Percent, 9),
    ];

    public static readonly IReadOnlyList<ReportColumn> CustomerColumns =
    [
        new("customer_id", "Customer id", Src.SourceText, 12), new("customer_name", "Customer", Src.SourceText, 30), new("segment", "Segment", Src.SourceText, 12),
        new("region", "Region", Src.SourceText, 13), new("bpo_team", "BPO team", Src.SourceText, 18), new("collector", "Collector", Src.SourceText, 15),
        new("volume", "Items", Count, 9), new("breaches", "Breaches", Count, 9), new("compliance", "Compliance", Percent, 11),
        new("max_days_over", "Most days over", Count, 9), new("slas_breached", "SLAs breached", Text, 40),
    ];

    public static IReadOnlyList<ReportColumn> RepeatColumns(IReadOnlyList<SlaQuarter> quarters) =>
    [
        new("sla_id", "SLA", Text, 20), new("sla_name", "SLA name", Text, 40), new("kind", "Customer or collector", Text, 11),
        new("who_id", "Id", Src.SourceText, 14), new("who", "Name", Src.SourceText, 30),
        new("q1", $"Breaches {quarters[0]}", Count, 10), new("q2", $"Breaches {quarters[1]}", Count, 10),
        new("q3", $"Breaches {quarters[2]}", Count, 10), new("q4", $"Breaches {quarters[3]}", Count, 10),
        new("total", "Total", Count, 9), new("prior_quarters_with_breaches", "Prior quarters with breaches", Count, 11),
    ];

    public static readonly IReadOnlyList<ReportColumn> ActionColumns =
    [
        new("action_id", "Action", Src.SourceText, 9), new("sla_id", "SLA", Text, 18), new("cause", "Cause", Src.SourceText, 20),
        new("action", "What", Src.SourceText, 44), new("action_owner", "Owner", Src.SourceText, 16), new("raised_quarter", "Raised", Text, 9),
        new("due_date", "Due", Date, 11), new("status", "Status", Text, 9), new("closed_date", "Closed", Date, 11),
        new("carried_over", "Carried over", Text, 8), new("overdue", "Overdue", Text, 8), new("breaches_this_quarter", "Breaches of its cause this quarter", Count, 11),
    ];

    public static readonly IReadOnlyList<ReportColumn> BreachColumns =
    [
        new("sla_id", "SLA", Text, 20), new("item_id", "Item", Src.SourceText, 14), new("customer_id", "Customer id", Src.SourceText, 12),
        new("customer_name", "Customer", Src.SourceText, 28), new("segment", "Segment", Src.SourceText, 11), new("owner", "Owner", Text, 7),
        new("bpo_team", "BPO team", Src.SourceText, 18), new("collector", "Collector", Src.SourceText, 15), new("category", "Category", Src.SourceText, 14),
        new("cause", "Cause", Src.SourceText, 22), new("start_date", "Start", Date, 11), new("deadline_date", "Deadline", Date, 11),
        new("end_date", "Done", Date, 11), new("status", "Status", Text, 18), new("elapsed_days", "Elapsed days", Count, 9),
        new("threshold_days", "Threshold", Count, 9), new("days_over", "Days over", Count, 9),
    ];

    public static readonly IReadOnlyList<ReportColumn> DefinitionColumns =
    [
        new("sla_id", "SLA", Text, 20), new("sla_name", "Name", Text, 50), new("event", "Measures", Text, 20), new("clock", "Clock", Text, 9),
        new("threshold_days", "Threshold (days)", Count, 10), new("category_thresholds", "By category (days)", Text, 60),
        new("target_rate", "Target compliance", Percent, 11), new("owner", "Owner", Text, 8),
        new("credit_per_breach", "Credit per breach", Amount, 13), new("credit_per_missed_target", "Credit per missed target", Amount, 13),
    ];

    public static SlaReview Read(Warehouse warehouse, SqlFolder sql, SlaQuarter quarter, DateTime nowUtc)
    {
        var quarters = quarter.LastFour();
        (string, object?)[] four = [("q1", quarters[0].ToString()), ("q2", quarters[1].ToString()), ("q3", quarters[2].ToString()), ("q4", quarters[3].ToString())];
        var q = ("quarter", (object?)quarter.ToString());
        var contract = Contract(warehouse);
        var (trend, uncounted, credits) = TrendWithCredits(warehouse, sql, quarters, contract);
        var causes = ReportQuery.Run(warehouse, sql, "sla_causes.sql", CauseColumns, q);
        var reviewCredits = credits.Single(c => c.Quarter == quarter);
        var lines = trend.Rows.GroupBy(r => (string)r[0]!).Select(g =>
        {
            var rows = g.ToList();
            object? V(object?[] row, string field) => row[trend.IndexOf(field)];
            var current = rows.Single(r => (string)V(r, "quarter")! == quarter.ToString());
            var prior = rows.Single(r => (string)V(r, "quarter")! == quarter.Previous.ToString());
            decimal? Rate(object?[] row) => V(row, "compliance") is { } c ? Convert.ToDecimal(c, System.Globalization.CultureInfo.InvariantCulture) : null;
            var topCause = causes.Rows.Where(r => (string)r[0]! == g.Key && Convert.ToInt64(r[causes.IndexOf("breaches")], System.Globalization.CultureInfo.InvariantCulture) > 0)
                .Select(r => (string)r[causes.IndexOf("cause")]!).FirstOrDefault();
            var credit = reviewCredits.BySla.Single(c => c.SlaId == g.Key);
            var (inhouseVolume, unassignedVolume) = uncounted[(g.Key, quarter.ToString())];
            return new SlaLine(g.Key, (string)V(current, "sla_name")!, (string)V(current, "owner")!, Convert.ToDecimal(V(current, "target_rate"), System.Globalization.CultureInfo.InvariantCulture),
                Convert.ToInt64(V(current, "volume"), System.Globalization.CultureInfo.InvariantCulture), Convert.ToInt64(V(current, "breaches"), System.Globalization.CultureInfo.InvariantCulture),
                Convert.ToInt64(V(current, "open_breaches"), System.Globalization.CultureInfo.InvariantCulture),
                Rate(current), V(current, "target_met") is true, Rate(prior), credit.Credited, topCause,
                inhouseVolume, V(current, "inhouse_compliance") is { } ih ? Convert.ToDecimal(ih, System.Globalization.CultureInfo.InvariantCulture) : null,
                unassignedVolume);
        }).ToList();
        return new SlaReview(quarter, quarters,
            warehouse.Scalar<string>("SELECT setting_value FROM o2c_settings WHERE setting_key = 'reporting_currency'") ?? "USD",
            nowUtc, lines, trend, causes,
            ReportQuery.Run(warehouse, sql, "sla_by_owner.sql", OwnerColumns, q),
            ReportQuery.Run(warehouse, sql, "sla_by_segment.sql", SegmentColumns, q),
            ReportQuery.Run(warehouse, sql, "sla_by_customer.sql", CustomerColumns, q),
            ReportQuery.Run(warehouse, sql, "sla_repeat_offenders.sql", RepeatColumns(quarters), four),
            ReportQuery.Run(warehouse, sql, "sla_breaches.sql", BreachColumns, q, ("limit", BreachListLimit)),
            warehouse.Scalar<long>("SELECT count(*) FROM sla_measurements WHERE quarter = $q AND breach AND measured", ("q", quarter.ToString())),
            ReportQuery.Run(warehouse, sql, "sla_definitions.sql", DefinitionColumns), reviewCredits, contract,
            ReportQuery.Run(warehouse, sql, "sla_actions.sql", ActionColumns, q,
                ("quarter_start", quarter.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
                ("quarter_end", quarter.End.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))));
    }

    /// <summary>The credit terms the SLA run wrote (SlaContract); the defaults when none were written.</summary>
    private static SlaContract Contract(Warehouse warehouse) =>
        warehouse.Query("SELECT credit_cap_per_quarter, earn_back FROM sla_contract", r => new SlaContract
        {
            CreditCapPerQuarter = r.IsDBNull(0) ? null : r.GetDecimal(0),
            EarnBack = r.GetBoolean(1),
        }).SingleOrDefault() ?? new SlaContract();

    /// <summary>
    /// The four quarters' trend with each SLA's credit after the quarter's cap, priced from five quarters (the one
    /// before the first decides that first quarter's earn-back); beside it, per SLA and quarter, the in-house and
    /// unassigned items the SLA does not count.
    /// </summary>
    private static (ReportTable Trend, IReadOnlyDictionary<(string SlaId, string Quarter), (long Inhouse, long Unassigned)> Uncounted,
        IReadOnlyList<QuarterCredits> Credits) TrendWithCredits(Warehouse warehouse, SqlFolder sql, IReadOnlyList<SlaQuarter> quarters, SlaContract contract)
    {
        var q0 = quarters[0].Previous;
        var all = ReportQuery.Run(warehouse, sql, "sla_summary.sql", [.. TrendColumns, .. CreditBasisColumns],
            ("q0", q0.ToString()), ("q1", quarters[0].ToString()), ("q2", quarters[1].ToString()), ("q3", quarters[2].ToString()), ("q4", quarters[3].ToString()));
        static decimal? Dec(object? v) => v is null ? null : Convert.ToDecimal(v, System.Globalization.CultureInfo.InvariantCulture);
        static long Long(object? v) => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture);
        var credits = SlaServiceCredits.Compute(all.Rows.Select(r => new SlaQuarterResult(
            (string)r[all.IndexOf("sla_id")]!, SlaQuarter.Parse((string)r[all.IndexOf("quarter")]!), (string)r[all.IndexOf("owner")]!,
            r[all.IndexOf("target_met")] as bool?, Long(r[all.IndexOf("bpo_breaches")]),
            Dec(r[all.IndexOf("credit_per_breach")]), Dec(r[all.IndexOf("credit_per_missed_target")]))), contract);
        var credited = credits.SelectMany(c => c.BySla.Select(s => ((s.SlaId, c.Quarter.ToString()), s.Credited))).ToDictionary(x => x.Item1, x => x.Credited);
        var shown = all.Rows.Where(r => (string)r[all.IndexOf("quarter")]! != q0.ToString()).ToList();
        var rows = shown.Select(r =>
        {
            var row = r.Take(TrendColumns.Count).ToArray();
            row[TrendColumns.Count - 1] = credited[((string)r[all.IndexOf("sla_id")]!, (string)r[all.IndexOf("quarter")]!)];
            return row;
        }).ToList();
        var uncounted = shown.ToDictionary(r => ((string)r[all.IndexOf("sla_id")]!, (string)r[all.IndexOf("quarter")]!),
            r => (Long(r[all.IndexOf("inhouse_volume")]), Long(r[all.IndexOf("unassigned_volume")])));
        return (new ReportTable(TrendColumns, rows), uncounted, credits);
    }
}
