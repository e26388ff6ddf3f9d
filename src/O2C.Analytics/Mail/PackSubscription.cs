namespace O2C.Analytics.Mail;

/// <summary>A scoped pack's recipients: "Scope" is dimension=member (region=EMEA, bpo_team=BPO Manila), as PackScope reads it.</summary>
public sealed class PackSubscription
{
    public string Scope { get; set; } = "";
    public string[] Recipients { get; set; } = [];
}
