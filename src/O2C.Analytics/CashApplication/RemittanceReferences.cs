using System.Text.RegularExpressions;

namespace O2C.Analytics.CashApplication;

/// <summary>
/// Document references found in remittance text: exact document numbers, numbers with typing/OCR slips (O for 0,
/// I or l for 1), and bare numbers without their prefix.
/// </summary>
public static partial class RemittanceReferences
{
    [GeneratedRegex(@"[A-Za-z]{2,4}-[0-9OoIl]{3,}")]
    private static partial Regex Prefixed();

    [GeneratedRegex(@"(?<![A-Za-z0-9-])[0-9]{3,}(?![0-9])")]
    private static partial Regex Bare();

    public static IEnumerable<(string Token, string Kind)> Find(string? remittance)
    {
        if (string.IsNullOrWhiteSpace(remittance)) yield break;
        foreach (Match m in Prefixed().Matches(remittance))
        {
            var token = m.Value.ToUpperInvariant();
            var dash = token.IndexOf('-', StringComparison.Ordinal);
            var digits = token[(dash + 1)..];
            var repaired = digits.Replace('O', '0').Replace('I', '1').Replace('L', '1');
            yield return repaired == digits ? (token, "exact") : (token[..(dash + 1)] + repaired, "fuzzy");
        }
        foreach (Match m in Bare().Matches(remittance))
            yield return (m.Value.TrimStart('0'), "bare");
    }

    /// <summary>The number of a document id without prefix and leading zeros: INV-0001234 -> 1234.</summary>
    public static string NumberOf(string documentId)
    {
        var dash = documentId.LastIndexOf('-');
        return (dash < 0 ? documentId : documentId[(dash + 1)..]).TrimStart('0');
    }
}
