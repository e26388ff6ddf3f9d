namespace O2C.Analytics.Metrics;

/// <summary>
/// One KPI of the catalogue. Its SQL (sql/kpis/{Id}.sql) yields per period and customer a numerator and a
/// denominator; the KPI of any group is Scale * sum(numerator) / sum(denominator).
/// </summary>
/// <param name="MinHistoryMonths">Months of history a value needs (3 for a 3-month window); earlier months are not available.</param>
public sealed record KpiDefinition(
    string Id,
    string Name,
    string Area,
    string Formula,
    string Unit,
    KpiDirection Direction,
    decimal Scale,
    int MinHistoryMonths,
    decimal DefaultTarget,
    string SourceTables,
    string Reference,
    string NumberFormat)
{
    public string SqlFile => $"{Id}.sql";
}
