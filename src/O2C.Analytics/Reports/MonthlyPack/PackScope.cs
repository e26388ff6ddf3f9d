using O2C.Analytics.Metrics;

namespace O2C.Analytics.Reports.MonthlyPack;

/// <summary>
/// Whose pack it is: the company, or one member of a reporting dimension ("region=EMEA", "bpo_team=BPO Manila").
/// A scoped pack is computed from the member's own kpi_values and its customers only (customers_in_scope), so it
/// holds nothing outside the scope.
/// </summary>
public sealed record PackScope(string Dimension, string Member)
{
    public static readonly PackScope Company = new(ReportingDimension.Company, ReportingDimension.AllMembers);

    /// <summary>The dimensions a scope may name, as kpi_values names them.</summary>
    public static IReadOnlyList<string> Dimensions { get; } = ReportingDimension.CustomerColumns.Select(ReportingDimension.Label).ToList();

    public bool IsCompany => Dimension == ReportingDimension.Company;

    /// <summary>"dimension=member"; empty or "company" is the company. Throws with the allowed dimensions on anything else.</summary>
    public static PackScope Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim() == ReportingDimension.Company) return Company;
        var parts = text.Split('=', 2);
        var dimension = parts[0].Trim();
        if (parts.Length != 2 || parts[1].Trim().Length == 0 || !Dimensions.Contains(dimension))
            throw new ArgumentException($"Scope '{text}' is not dimension=member with a dimension of {string.Join(", ", Dimensions)}.");
        return new PackScope(dimension, parts[1].Trim());
    }

    /// <summary>"company-wide", "region EMEA", "team BPO Manila".</summary>
    public string Label => IsCompany ? "company-wide" : $"{(Dimension == "bpo_team" ? "team" : Dimension.Replace('_', ' '))} {Member}";

    public override string ToString() => IsCompany ? ReportingDimension.Company : $"{Dimension}={Member}";
}
