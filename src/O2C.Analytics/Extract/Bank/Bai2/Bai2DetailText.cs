using System.Text.RegularExpressions;

namespace O2C.Analytics.Extract.Bank.Bai2;

/// <summary>
/// The payer and the remittance in a BAI2 detail's text, as US banks tag them: an ACH entry's originator
/// ("ORIG CO NAME:NORDWIND HANDELS ORIG ID:1234567890 ... ADDENDA:RMR*IV*..."; the company name is at most 16
/// characters), a wire's originator ("ORG=ACME CORP ACCT=123456 OBI=INV 123", or "B/O:" / "ORIGINATOR:"). With tags,
/// the remittance is the addenda or OBI part only, so the payer's ids and the entry's dates are not read as document
/// numbers; without them, the whole text is remittance.
/// </summary>
internal static partial class Bai2DetailText
{
    [GeneratedRegex(@"ORIG CO NAME:\s*(?<name>.*?)\s*(?=\b(?:ORIG ID|DESC DATE|ENTRY DESCR|SEC|IND ID|IND NAME|TRACE|ADDENDA)\s*:|$)")]
    private static partial Regex AchName();

    [GeneratedRegex(@"ORIG ID:\s*(?<id>\S+)")]
    private static partial Regex AchId();

    [GeneratedRegex(@"(?:\bORG=|\bB/O:|\bORIGINATOR:)\s*(?<name>.*?)\s*(?=\b(?:ACCT|OBI|BNF|REF|RFB|BBI|OGB)\s*[=:]|$)")]
    private static partial Regex WireName();

    [GeneratedRegex(@"\bACCT[=:]\s*(?<account>\S+)")]
    private static partial Regex WireAccount();

    [GeneratedRegex(@"(?:ADDENDA:|\bOBI=|\bMEMO\b)\s*(?<text>.*)$")]
    private static partial Regex Remittance();

    public static (string? Remittance, string? Payer, string? PayerAccount) Read(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, null, null);
        var ach = AchName().Match(text);
        var wire = ach.Success ? Match.Empty : WireName().Match(text);
        if (!ach.Success && !wire.Success) return (text, null, null);
        var remittance = Remittance().Match(text);
        var account = ach.Success ? AchId().Match(text) : WireAccount().Match(text);
        return (remittance.Success ? remittance.Groups["text"].Value : null,
            (ach.Success ? ach : wire).Groups["name"].Value,
            account.Success ? account.Groups[ach.Success ? "id" : "account"].Value : null);
    }
}
