namespace O2C.Analytics.Metrics;

/// <summary>The dimensions every KPI is cut by, each a column of stg_customers ('company' is the total).</summary>
public static class ReportingDimension
{
    public const string Company = "company";
    public const string AllMembers = "All";
    /// <summary>The member of a customer without one in a dimension, so members add up to the company.</summary>
    public const string Unassigned = "Unassigned";

    public static readonly IReadOnlyList<string> CustomerColumns = ["region", "segment", "currency_code", "risk_class", "collector", "bpo_team"];

    /// <summary>The name a dimension has in kpi_values (currency_code is reported as currency).</summary>
    public static string Label(string column) => column == "currency_code" ? "currency" : column;
}
