namespace O2C.Analytics.Sla;

/// <summary>
/// The commercial terms around the SLAs (o2c.json "SlaContract"): which teams are the BPO partner's (an SLA the BPO
/// owns is measured on their items only; in-house items of the same SLA are reported beside it, never counted), the
/// cap on a quarter's service credits, and the earn-back of a missed target's credit when the next quarter meets it.
/// </summary>
public sealed class SlaContract
{
    /// <summary>The BPO partner's teams (customers.bpo_team). Empty: the teams whose name starts with "BPO".</summary>
    public List<string> BpoTeams { get; set; } = [];

    /// <summary>Most the BPO credits in one quarter, in the reporting currency; null = no cap.</summary>
    public decimal? CreditCapPerQuarter { get; set; } = 10_000m;

    /// <summary>A missed target's credit is returned to the BPO when the same SLA meets its target the next quarter.</summary>
    public bool EarnBack { get; set; } = true;

    /// <summary>Actions agreed on breach causes, carried from quarter to quarter until done (SlaAction).</summary>
    public List<SlaAction> Actions { get; set; } = [];

    /// <summary>bpo or client: who answers for the items of <paramref name="team"/>.</summary>
    public string PartyOf(string team) =>
        (BpoTeams.Count > 0 ? BpoTeams.Contains(team, StringComparer.Ordinal) : team.StartsWith("BPO", StringComparison.Ordinal)) ? "bpo" : "client";

    /// <summary>Why the terms cannot be used, or null when they can.</summary>
    public string? Problem() =>
        CreditCapPerQuarter < 0 ? $"SlaContract: CreditCapPerQuarter cannot be negative, not {CreditCapPerQuarter}" : null;
}
