using System.Security.Cryptography;
using System.Text;
using O2C.Analytics.Metrics;
using O2C.Analytics.Storage;

namespace O2C.Analytics.Pilots;

/// <summary>
/// A pilot's design as drawn (pilot_designs; as loaded in pilots until it is drawn) and the strategy it tries.
/// <paramref name="ChangedSinceDraw"/>: pilots.csv now says something else, which is not what is measured.
/// </summary>
public sealed record PilotDefinition(string PilotId, string StrategyId, DateOnly Start, decimal Share, int Seed, string? Bands,
    int PreMonths, int PostMonths, string? Description, string? StrategyDescription, bool ChangedSinceDraw = false)
{
    /// <summary>Days each invoice is followed for its days to pay (sql/pilots/invoice_days_to_pay.sql).</summary>
    public const int FollowUpDays = 90;

    /// <summary>The first day the result is final: the last month's invoices have had their follow-up days.</summary>
    public DateOnly FinalFrom => LastMonthEnd.AddDays(FollowUpDays);

    /// <summary>The placebo's start: the same test moved back by the months measured, all of it before the start.</summary>
    public DateOnly PlaceboStart => Start.AddMonths(-PostMonths);

    /// <summary>The first month end counted before the start: the pre-period is the month ends from it to the start.</summary>
    public DateOnly BeforeFrom => Start.AddMonths(-PreMonths);

    /// <summary>The month ends on or after the start and before this date are the months measured.</summary>
    public DateOnly AfterTo => Start.AddMonths(PostMonths);

    /// <summary>The last month end measured.</summary>
    public DateOnly LastMonthEnd => LastDay(AfterTo.AddDays(-1));

    private static DateOnly LastDay(DateOnly d) => new DateOnly(d.Year, d.Month, 1).AddMonths(1).AddDays(-1);
}

/// <summary>A measure's effect, its placebo on the months before the start, and an A/A split of the control group.</summary>
public sealed record PilotMetricResult(PilotMetric Metric, DiffInDiff? Effect, DiffInDiff? Placebo, DiffInDiff? AaSplit);

/// <summary>What a pilot did, as of a month end: its groups as drawn, whether its months are all in, and each measure's result.</summary>
public sealed record PilotReport(PilotDefinition Pilot, DateOnly? DrawnFrom, long Customers, long PilotCustomers,
    DateOnly? AsOf, IReadOnlyList<PilotMetricResult> Metrics)
{
    public bool Drawn => DrawnFrom is not null;

    /// <summary>Every month measured has closed, and its invoices have had their follow-up days, by the report's date: the result is final.</summary>
    public bool Complete => Drawn && AsOf >= Pilot.FinalFrom;

    /// <summary>The warehouse's first month end: a comparison reaching back before it is shorter than designed.</summary>
    public DateOnly? FirstMonthEnd { get; init; }

    /// <summary>The placebo's months before reach back before the warehouse's first month.</summary>
    public bool ReachesBeforeData => FirstMonthEnd is { } first && Pilot.PlaceboStart.AddMonths(-Pilot.PreMonths) < new DateOnly(first.Year, first.Month, 1);

    /// <summary>When the groups were drawn (pilot_designs.assigned_at), to tell a pilot drawn before its start from one drawn after.</summary>
    public DateTime? DrawnAt { get; init; }

    /// <summary>The measure the pilot is read by first: days to pay.</summary>
    public PilotMetricResult? Primary => Metrics.FirstOrDefault(m => m.Metric.Id == PilotMetric.All[0].Id);
}

/// <summary>
/// Measures a pilot as a difference in differences: each group's measure (its customers' parts summed, as the KPI
/// is for any group) over the post_months month ends from the start, less the same over the pre_months month ends
/// before, pilot group against control group (DiffInDiff). Beside it two checks that must find nothing: the placebo (the same test moved back by post_months,
/// all of it before the start) and an A/A split (the control group drawn in two the way the pilot was, measured over
/// the same months). Customers with no value on either side of a measure are left out of that measure.
/// </summary>
public static class PilotEvaluation
{
    /// <summary>Every pilot loaded or drawn (a drawn pilot stays, even when its row leaves pilots.csv).</summary>
    public static IReadOnlyList<string> PilotIds(Warehouse warehouse) =>
        warehouse.Query("SELECT pilot_id FROM pilots UNION SELECT pilot_id FROM pilot_designs ORDER BY 1", r => r.GetString(0));

    /// <summary>The design measured: as drawn (pilot_designs) once drawn, as loaded before.</summary>
    public static PilotDefinition? Definition(Warehouse warehouse, string pilotId) =>
        warehouse.Query("""
            SELECT pilot_id, coalesce(d.strategy_id, p.strategy_id), coalesce(d.start_date, p.start_date), coalesce(d.pilot_share, p.pilot_share),
                   coalesce(d.seed, p.seed), CASE WHEN d.pilot_id IS NULL THEN p.score_bands ELSE d.score_bands END,
                   coalesce(d.pre_months, p.pre_months, 6), coalesce(d.post_months, p.post_months, 3), p.description, s.description,
                   d.pilot_id IS NOT NULL AND (p.pilot_id IS NULL OR d.strategy_id <> p.strategy_id OR d.start_date <> p.start_date
                       OR d.pilot_share <> p.pilot_share OR d.seed <> p.seed OR d.score_bands IS DISTINCT FROM p.score_bands
                       OR coalesce(d.pre_months, p.pre_months) <> p.pre_months OR coalesce(d.post_months, p.post_months) <> p.post_months)
            FROM pilots p FULL JOIN pilot_designs d USING (pilot_id)
            LEFT JOIN collection_strategies s ON s.strategy_id = coalesce(d.strategy_id, p.strategy_id)
            WHERE pilot_id = $pilot
            """, r => new PilotDefinition(r.GetString(0), r.GetString(1), r.GetFieldValue<DateOnly>(2), r.GetDecimal(3), r.GetInt32(4),
                r.IsDBNull(5) ? null : r.GetString(5), r.GetInt32(6), r.GetInt32(7), r.IsDBNull(8) ? null : r.GetString(8),
                r.IsDBNull(9) ? null : r.GetString(9), r.GetBoolean(10)), ("pilot", pilotId)).SingleOrDefault();

    /// <summary>
    /// The pilot's report as of <paramref name="asOf"/> (default: the latest month end): nothing dated after it counts.
    /// Null when no pilot has that id. <paramref name="aaSeed"/> draws the A/A split (default: the pilot's seed + 1).
    /// </summary>
    public static PilotReport? Report(Warehouse warehouse, SqlFolder sql, string pilotId, int? aaSeed = null, DateOnly? asOf = null)
    {
        if (Definition(warehouse, pilotId) is not { } pilot) return null;
        var design = warehouse.Query("""
            SELECT last_day(start_date - INTERVAL 1 MONTH), customers, pilot_customers, assigned_at FROM pilot_designs WHERE pilot_id = $pilot
            """, r => (From: r.GetFieldValue<DateOnly>(0), Customers: r.GetInt64(1), InPilot: r.GetInt64(2), At: r.GetDateTime(3)), ("pilot", pilotId)).SingleOrDefault();
        var latest = asOf ?? warehouse.Scalar<DateOnly?>("SELECT max(month_end) FROM int_month_ends");
        var first = warehouse.Scalar<DateOnly?>("SELECT min(month_end) FROM int_month_ends");
        if (design == default || latest is not { } day) return new PilotReport(pilot, null, 0, 0, latest, []) { FirstMonthEnd = first };

        KpiCalculator.DefineFirstDay(warehouse, null);
        DefineAsOf(warehouse, day);
        var placeboStart = pilot.PlaceboStart;
        var results = PilotMetric.All.Select(metric =>
        {
            var changes = Changes(warehouse, sql, metric, pilotId, pilot.BeforeFrom, pilot.Start, pilot.AfterTo);
            var placebo = Changes(warehouse, sql, metric, pilotId, placeboStart.AddMonths(-pilot.PreMonths), placeboStart, pilot.Start);
            var scale = (double)metric.Scale;
            return new PilotMetricResult(metric, DiffInDiff.Measure(changes, scale), DiffInDiff.Measure(placebo, scale),
                DiffInDiff.Measure(AaSplit(changes, pilot, aaSeed ?? pilot.Seed + 1), scale));
        }).ToList();
        return new PilotReport(pilot, design.From, design.Customers, design.InPilot, latest, results) { FirstMonthEnd = first, DrawnAt = design.At };
    }

    /// <summary>pilot_as_of(): the last day whose facts a pilot's measures count (a payment after it is not seen).</summary>
    public static void DefineAsOf(Warehouse warehouse, DateOnly asOf) =>
        warehouse.Execute($"CREATE OR REPLACE TEMP MACRO pilot_as_of() AS DATE '{asOf:yyyy-MM-dd}'");

    /// <summary>Each assigned customer's parts of the measure before and after the start, where it has a denominator on both sides.</summary>
    public static IReadOnlyList<CustomerChange> Changes(Warehouse warehouse, SqlFolder sql, PilotMetric metric, string pilotId,
        DateOnly beforeFrom, DateOnly start, DateOnly afterTo)
    {
        var rows = warehouse.Query($"""
            WITH parts AS (
            {metric.Parts(sql)}
            ),
            sides AS (
                SELECT customer_id, period_end >= $start AS after, coalesce(sum(numerator), 0) AS numerator, sum(denominator) AS denominator
                FROM parts
                WHERE period_end >= $before_from AND period_end < $after_to AND period_end <= pilot_as_of()
                GROUP BY ALL
                HAVING sum(denominator) > 0
            )
            SELECT a.customer_id, a.arm = 'pilot', a.score_band,
                   max(s.numerator) FILTER (WHERE NOT s.after)::DOUBLE, max(s.denominator) FILTER (WHERE NOT s.after)::DOUBLE,
                   max(s.numerator) FILTER (WHERE s.after)::DOUBLE, max(s.denominator) FILTER (WHERE s.after)::DOUBLE
            FROM pilot_assignments a JOIN sides s USING (customer_id)
            WHERE a.pilot_id = $pilot
            GROUP BY ALL
            HAVING count(*) = 2
            ORDER BY a.customer_id
            """, r => new CustomerChange(r.GetString(0), r.GetBoolean(1), r.GetString(2), r.GetDouble(3), r.GetDouble(4), r.GetDouble(5), r.GetDouble(6)),
            ("pilot", pilotId), ("before_from", beforeFrom), ("start", start), ("after_to", afterTo));
        return rows;
    }

    /// <summary>
    /// The control group drawn in two as the pilot was: in each band, ordered by the SHA-256 of "seed:AA:customer",
    /// the first round(share x band's control customers) form the pseudo-pilot.
    /// </summary>
    public static IReadOnlyList<CustomerChange> AaSplit(IReadOnlyList<CustomerChange> changes, PilotDefinition pilot, int seed) =>
        changes.Where(c => !c.InPilot)
            .GroupBy(c => c.Stratum)
            .SelectMany(band =>
            {
                var ordered = band.OrderBy(c => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}:AA:{c.CustomerId}"))), StringComparer.Ordinal).ToList();
                var take = (int)Math.Round(pilot.Share * ordered.Count, MidpointRounding.AwayFromZero);
                return ordered.Select((c, i) => c with { InPilot = i < take });
            })
            .ToList();
}
