namespace O2C.Analytics.Metrics;

/// <summary>
/// One KPI of the catalogue. Its SQL (sql/kpis/{Id}.sql) yields per period and customer (or, for PerGroup KPIs,
/// per dimension and member) a numerator and a denominator; see <see cref="KpiKind"/> for how they combine.
/// </summary>
/// <param name="MinHistoryMonths">Months of history a value needs (3 for a 3-month window); earlier months are not available.</param>
/// <param name="CategoryDimension">When the SQL also yields a category column, the dimension name it is reported under.</param>
/// <param name="MaturityDays">A KPI measured on a cohort whose window must close first: the window in days (0 = none).</param>
/// <param name="CountBased">A rate of counts (items meeting a condition / items): charted as a p-chart.</param>
public sealed record KpiDefinition(
    string Id,
    string Name,
    string Area,
    string Formula,
    string Unit,
    KpiDirection Direction,
    KpiKind Kind,
    decimal Scale,
    decimal? DefaultTarget,
    string SourceTables,
    string Reference,
    int MinHistoryMonths = 1,
    string? CategoryDimension = null,
    int MaturityDays = 0,
    IReadOnlyList<KpiRequirement>? Requires = null,
    bool CountBased = false)
{
    public string SqlFile => $"{Id}.sql";

    public IReadOnlyList<KpiRequirement> Requirements => Requires ?? [];

    /// <summary>The scorecard's number format: amounts whole, turnover ("times") to 2 decimals, days and % to 1.</summary>
    public string NumberFormat => Unit switch
    {
        "amount" => "#,##0",
        "times" => "0.00",
        _ => "0.0",
    };
}
