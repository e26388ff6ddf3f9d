using System.Globalization;
using System.Text;

namespace O2C.Analytics.CashApplication;

/// <summary>
/// Payer names and accounts as comparable keys. Banks write names in capitals, transliterated (MUELLER for Müller),
/// with or without the legal form and its dots (G.M.B.H., GmbH, Ltd., LLC); accounts with or without spaces.
/// </summary>
public static class PayerName
{
    /// <summary>Legal forms dropped from a name: they say what kind of company, not which one.</summary>
    private static readonly HashSet<string> LegalForms = new(StringComparer.Ordinal)
    {
        "GMBH", "AG", "KG", "OHG", "UG", "EK", "GBR", "KGAA", "SE", "MBH", "CO", "COKG",
        "LTD", "LIMITED", "PLC", "LLP", "LLC", "INC", "INCORPORATED", "CORP", "CORPORATION", "COMPANY", "LP",
        "SA", "SAS", "SARL", "SRL", "SPA", "SNC", "BV", "NV", "VOF", "AB", "AS", "ASA", "OY", "OYJ", "APS",
        "PTY", "PTE", "KK", "SL", "SCA", "EV", "THE", "AND", "UND", "ET",
    };

    /// <summary>Whether a word cut short could be the start of a legal form (IN of INC, GM of GMBH, PT of PTY).</summary>
    public static bool CouldBeLegalForm(string word) => word.Length > 0 && LegalForms.Any(f => f.StartsWith(word, StringComparison.Ordinal));

    /// <summary>The name's words in capitals, transliterated, without punctuation or legal forms: "MUELLER MASCHINENBAU".</summary>
    public static string Key(string? name) => string.Join(" ", Words(name));

    public static IReadOnlyList<string> Words(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return [];
        var text = Transliterate(name.ToUpperInvariant());
        // Dots inside an abbreviation join its letters (G.M.B.H. -> GMBH); other punctuation separates words.
        text = text.Replace(".", "", StringComparison.Ordinal).Replace("&", " ", StringComparison.Ordinal);
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text + " ")
        {
            if (char.IsAsciiLetterOrDigit(c)) { word.Append(c); continue; }
            if (word.Length > 0 && !LegalForms.Contains(word.ToString())) words.Add(word.ToString());
            word.Clear();
        }
        return words;
    }

    /// <summary>An account number as a key: letters and digits only, in capitals (DE89 3704 0044 -> DE8937040044).</summary>
    public static string? AccountKey(string? account)
    {
        if (string.IsNullOrWhiteSpace(account)) return null;
        var key = string.Concat(account.ToUpperInvariant().Where(char.IsAsciiLetterOrDigit));
        return key.Length >= 5 ? key : null;
    }

    private static string Transliterate(string upper)
    {
        // Umlauts reach a statement spelt out (MUELLER) or stripped (MULLER): both, and the name itself, become MULLER.
        var german = upper.Replace("Ä", "A", StringComparison.Ordinal).Replace("Ö", "O", StringComparison.Ordinal)
            .Replace("Ü", "U", StringComparison.Ordinal).Replace("ß", "SS", StringComparison.Ordinal).Replace("ẞ", "SS", StringComparison.Ordinal)
            .Replace("AE", "A", StringComparison.Ordinal).Replace("OE", "O", StringComparison.Ordinal).Replace("UE", "U", StringComparison.Ordinal);
        // Other accents go (É -> E, Ñ -> N, Ø -> O): the bank's character set has none of them.
        var decomposed = german.Replace("Ø", "O", StringComparison.Ordinal).Replace("Æ", "AE", StringComparison.Ordinal)
            .Replace("Œ", "OE", StringComparison.Ordinal).Replace("Ł", "L", StringComparison.Ordinal).Normalize(NormalizationForm.FormD);
        var plain = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) plain.Append(c);
        return plain.ToString();
    }
}
