namespace O2C.Analytics.Metrics;

/// <summary>
/// The dimensions every KPI is cut by: each a column of stg_customers ('company' is the total), and the customer score
/// band, which a customer has month by month.
/// </summary>
public static class ReportingDimension
{
    public const string Company = "company";
    public const string AllMembers = "All";
    /// <summary>The member of a customer without one in a dimension, so members add up to the company.</summary>
    public const string Unassigned = "Unassigned";

    public static readonly IReadOnlyList<string> CustomerColumns = ["region", "segment", "currency_code", "risk_class", "collector", "bpo_team"];

    /// <summary>
    /// The customer score band (issue 23) as a dimension: a KPI's month counts each customer in its band at the month end
    /// before (the band it entered the month with; a KPI of the month never defines its own band), 'Unscored' without
    /// one. The KPIs computed per member as a whole (countback DSO, top-10 concentration, cash per collector) are not cut
    /// by it: their members are made of customer cells, which a band is not.
    /// </summary>
    public const string ScoreBand = "score_band";

    /// <summary>The score band member of a customer with no score at the month end before.</summary>
    public const string Unscored = "Unscored";

    public static readonly IReadOnlyList<string> ScoreBandMembers = ["A", "B", "C", "D", "E", Unscored];

    /// <summary>Every dimension as kpi_values names it, the company first.</summary>
    public static IReadOnlyList<string> All => [Company, .. CustomerColumns.Select(Label), ScoreBand];

    /// <summary>The name a dimension has in kpi_values (currency_code is reported as currency).</summary>
    public static string Label(string column) => column == "currency_code" ? "currency" : column;
}
