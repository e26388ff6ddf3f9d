using O2C.Analytics.Metrics;
using O2C.Analytics.Storage;

namespace O2C.Analytics.Analyst;

/// <summary>One customer's part of a KPI value: what it adds to the numerator and the denominator.</summary>
public sealed record KpiPart(string? CustomerId, string? CustomerName, decimal Numerator, decimal? Denominator);

/// <summary>A KPI value of a month and member with the customers' parts it was summed from, and the value as stored.</summary>
public sealed record KpiExplanation(KpiDefinition Kpi, DateOnly MonthEnd, string Dimension, string Member, IReadOnlyList<KpiPart> Parts, KpiValue? Stored)
{
    public decimal Numerator => Parts.Sum(p => p.Numerator);
    public decimal? Denominator => Parts.Any(p => p.Denominator is not null) ? Parts.Sum(p => p.Denominator ?? 0) : null;
}

/// <summary>
/// `o2c explain`: the rows behind a KPI value, from the KPI's own SQL (sql/kpis/ID.sql, the parts KpiCalculator sums),
/// per customer, for one month and one member of a dimension, so that they add up to kpi_values' numerator and
/// denominator exactly. Receipts without an identified customer are the member 'Unassigned'. A KPI computed per
/// member as a whole (countback DSO, top-10 concentration, per collector) has no additive parts: refused, saying so.
/// </summary>
public static class KpiExplainer
{
    public static KpiExplanation Explain(Warehouse warehouse, SqlFolder sql, string kpiId, DateOnly monthEnd, string dimension = ReportingDimension.Company, string? member = null)
    {
        var kpi = KpiCatalog.All.FirstOrDefault(k => k.Id == kpiId)
            ?? throw new ArgumentException($"no KPI {kpiId}: o2c kpi --list shows them all");
        if (kpi.Kind == KpiKind.PerGroup)
            throw new ArgumentException($"{kpi.Id} is computed per member as a whole ({kpi.Formula}); its parts do not add up customer by customer");
        member ??= ReportingDimension.AllMembers;
        var customerDimensions = ReportingDimension.CustomerColumns.Select(ReportingDimension.Label).ToList();
        // A customer dimension's member comes from customer_dimension_members (a receipt without a customer is 'Unassigned').
        string filter;
        if (dimension == ReportingDimension.Company) filter = "true";
        else if (customerDimensions.Contains(dimension)) filter = "coalesce(m.member, 'Unassigned') = $member";
        else if (dimension == ReportingDimension.ScoreBand) filter = $"coalesce(b.score_band, '{ReportingDimension.Unscored}') = $member";
        else if (dimension == kpi.CategoryDimension) filter = "coalesce(p.category, 'Unassigned') = $member";
        else throw new ArgumentException($"{kpi.Id} is not cut by {dimension}: the dimensions are {string.Join(", ", customerDimensions.Append(ReportingDimension.ScoreBand).Append(kpi.CategoryDimension).OfType<string>())}");
        KpiCalculator.DefineFirstDay(warehouse, monthEnd);
        var parts = warehouse.Query($"""
            WITH parts AS (
            {sql.Read("kpis", kpi.SqlFile).Trim().TrimEnd(';')}
            )
            SELECT p.customer_id, any_value(c.customer_name), sum(p.numerator)::DECIMAL(38,6), sum(p.denominator)::DECIMAL(38,6)
            FROM parts p LEFT JOIN stg_customers c USING (customer_id)
            LEFT JOIN customer_dimension_members() m ON m.customer_id = p.customer_id AND m.dimension = $dimension
            -- the score band a customer entered the month with (ReportingDimension.ScoreBand)
            LEFT JOIN fct_customer_score_monthly b ON b.customer_id = p.customer_id AND last_day(b.month_end + INTERVAL 1 MONTH) = p.period_end
            WHERE p.period_end = $month_end AND {filter}
            GROUP BY p.customer_id
            HAVING coalesce(sum(p.numerator), 0) <> 0 OR coalesce(sum(p.denominator), 0) <> 0
            ORDER BY abs(coalesce(sum(p.numerator), 0)) DESC, p.customer_id
            """, r => new KpiPart(r.IsDBNull(0) ? null : r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1),
                r.IsDBNull(2) ? 0 : r.GetDecimal(2), r.IsDBNull(3) ? null : r.GetDecimal(3)),
            ("month_end", monthEnd), ("member", member), ("dimension", dimension));
        var stored = KpiValueReader.Read(warehouse, dimension, monthEnd).FirstOrDefault(v => v.KpiId == kpi.Id && v.Member == member);
        return new KpiExplanation(kpi, monthEnd, dimension, member, parts, stored);
    }
}
