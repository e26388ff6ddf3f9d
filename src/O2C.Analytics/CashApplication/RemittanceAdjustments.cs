using System.Globalization;
using System.Text.RegularExpressions;

namespace O2C.Analytics.CashApplication;

/// <summary>What a payer says it took off: a cash discount, a deduction (with its reason) or a bank's fee.</summary>
public enum AdjustmentKind { Discount, Deduction, Fee }

/// <summary>
/// One thing a remittance says was taken off the payment: an amount (25,00), or for a discount possibly only its rate
/// (2 %); a deduction's category read from the words beside it (damaged, quantity, pricing, ...).
/// </summary>
public sealed record StatedAdjustment(AdjustmentKind Kind, decimal? Amount, decimal? Percent, string Category);

/// <summary>
/// The amounts and rates a remittance states as taken off: "abzgl. 2% Skonto 25,00", "less 120.00 damaged goods",
/// "BANK CHARGES 15.00", and EDI 820 remittance (RMR: reference, paid, invoice total, discount; ADX: an adjustment).
/// An amount with no such word beside it (the payment's own total, say) is nothing taken off.
/// </summary>
public static partial class RemittanceAdjustments
{
    [GeneratedRegex(@"SKONTO|DISCOUNT|DISC\b|ESCOMPTE|SCONTO|DESCUENTO|KORTING|EARLY PAY")]
    private static partial Regex DiscountWords();

    [GeneratedRegex(@"\bFEES?\b|CHARGES?|GEBUEHR|GEBÜHR|SPESEN|ENTGELT|FRAIS|COMMISSION")]
    private static partial Regex FeeWords();

    [GeneratedRegex(@"\bLESS\b|DEDUCT|\bDED\b|ABZUG|ABZGL|ABZÜGL|KUERZ|KÜRZ|EINBEHALT|SHORT|MINUS|WITHHELD|RETENUE|CLAIM")]
    private static partial Regex DeductionWords();

    // A whole amount right after the word for what was taken off ("less 25 freight", "abzgl. 120 Fehlmenge"): without
    // decimals it would pass for a number, so only here, beside the word, is it an amount.
    [GeneratedRegex(@"(?:\bLESS|\bABZGL\.?|\bABZÜGL\.?|\bDEDUCTION|\bDED|\bSHORT PAID|\bKÜRZUNG|\bKUERZUNG|\bEINBEHALT|\bCHARGES|\bFEES?|\bSKONTO|\bDISCOUNT)\s+(?<amount>\d{1,6})(?![0-9.,'%]|\s?%)", RegexOptions.IgnoreCase)]
    internal static partial Regex KeywordWholeAmount();

    // X12 820: RMR*IV*<ref>*<action>*<paid>*<invoice total>*<discount>; ADX*<adjustment>*<reason code>.
    [GeneratedRegex(@"RMR\*[A-Z0-9]{1,3}\*[^*~]*\*[^*~]*\*(?<paid>-?[0-9.]+)(?:\*(?<total>-?[0-9.]*))?(?:\*(?<discount>-?[0-9.]*))?")]
    private static partial Regex EdiRemittance();

    [GeneratedRegex(@"ADX\*(?<amount>-?[0-9.]+)(?:\*(?<code>[A-Z0-9]*))?")]
    private static partial Regex EdiAdjustment();

    // A deduction's reason, as the claims a payer makes (disputes.category).
    private static readonly (Regex Words, string Category)[] Reasons =
    [
        (new Regex(@"DAMAGE|BESCHAED|BESCHÄD|BROKEN|DEFECT|DEFEKT", RegexOptions.Compiled), "damaged"),
        (new Regex(@"QUANTITY|QTY|SHORT SHIP|MISSING|FEHLMENGE|MENGE|NOT RECEIVED", RegexOptions.Compiled), "quantity"),
        (new Regex(@"PRICE|PRICING|PREIS", RegexOptions.Compiled), "pricing"),
        (new Regex(@"PROMO|AKTION|CO-?OP|ADVERTIS", RegexOptions.Compiled), "promotion"),
        (new Regex(@"FREIGHT|DELIVERY|FRACHT|LIEFER|\bLATE\b", RegexOptions.Compiled), "delivery"),
        (new Regex(@"\bTAX\b|\bVAT\b|MWST|UST\b", RegexOptions.Compiled), "tax"),
        (new Regex(@"DUPLICATE|DOPPELT", RegexOptions.Compiled), "duplicate_billing"),
    ];

    public static IReadOnlyList<StatedAdjustment> Read(string? remittance)
    {
        if (string.IsNullOrWhiteSpace(remittance)) return [];
        var text = remittance.ToUpperInvariant();
        var found = new List<StatedAdjustment>();
        var edi = EdiRemittance().Matches(text);
        if (edi.Count > 0)
        {
            foreach (Match m in edi)
            {
                var paid = Edi(m.Groups["paid"].Value);
                var total = Edi(m.Groups["total"].Value);
                var discount = Edi(m.Groups["discount"].Value);
                if (discount is > 0) found.Add(new(AdjustmentKind.Discount, discount, null, "unearned_discount"));
                // paid + discount short of the invoice total: the rest was deducted (its reason in an ADX, if any)
                var rest = total - paid - (discount ?? 0);
                if (rest > 0 && EdiAdjustment().Matches(text).Count == 0) found.Add(new(AdjustmentKind.Deduction, rest, null, "other"));
            }
            foreach (Match m in EdiAdjustment().Matches(text))
                if (Edi(m.Groups["amount"].Value) is { } a && a != 0) found.Add(new(AdjustmentKind.Deduction, Math.Abs(a), null, "other"));
            return found;
        }
        // Dates first out of the way: "vom 25.07.2026" holds no amount 25.07.
        text = RemittanceReferences.Dates().Replace(text, m => new string(' ', m.Length));
        var amounts = RemittanceReferences.Amounts().Matches(text).Cast<Capture>()
            .Concat(KeywordWholeAmount().Matches(text).Select(m => m.Groups["amount"]).Select(g => (Capture)g))
            .OrderBy(m => m.Index).ThenByDescending(m => m.Length).ToList();
        // Two readings of one stretch of text (an amount in groups of three after "less"): the first, longest, stands.
        amounts = amounts.Where((m, i) => amounts.Take(i).All(p => p.Index + p.Length <= m.Index)).ToList();
        for (var i = 0; i < amounts.Count; i++)
        {
            var m = amounts[i];
            var start = i == 0 ? 0 : amounts[i - 1].Index + amounts[i - 1].Length;
            var before = text[Math.Max(start, m.Index - 30)..m.Index];
            var end = i + 1 < amounts.Count ? amounts[i + 1].Index : text.Length;
            var after = text[(m.Index + m.Length)..Math.Min(end, m.Index + m.Length + 30)];
            // The words before an amount say what it is; only with none there do the words after it.
            var kind = KindOf(before) ?? KindOf(after);
            if (kind is null) continue;
            found.Add(new(kind.Value, ParseAmount(m.Value), null, kind == AdjustmentKind.Deduction ? CategoryOf(before + " " + after) : "other"));
        }
        // A discount stated by its rate only ("less 2% discount"): the rate, the amount to be worked out.
        if (!found.Any(f => f.Kind == AdjustmentKind.Discount) && DiscountWords().IsMatch(text))
        {
            var rate = RemittanceReferences.Percentages().Match(text);
            if (rate.Success)
                found.Add(new(AdjustmentKind.Discount, null, decimal.Parse(rate.Value.TrimEnd('%', ' ').Replace(',', '.'), CultureInfo.InvariantCulture), "other"));
        }
        return found;
    }

    private static AdjustmentKind? KindOf(string words) =>
        DiscountWords().IsMatch(words) ? AdjustmentKind.Discount
        : FeeWords().IsMatch(words) ? AdjustmentKind.Fee
        : DeductionWords().IsMatch(words) || Reasons.Any(r => r.Words.IsMatch(words)) ? AdjustmentKind.Deduction
        : null;

    private static string CategoryOf(string words) => Reasons.FirstOrDefault(r => r.Words.IsMatch(words)).Category ?? "other";

    /// <summary>1.250,00 / 1,250.00 / 1'250.00 / 25,00: a mark before the last two digits is the decimal one; 69,129 is whole.</summary>
    internal static decimal ParseAmount(string written)
    {
        var digits = new string(written.Where(char.IsAsciiDigit).ToArray());
        var mark = written.LastIndexOfAny(['.', ',']);
        var cents = mark >= 0 && written.Length - mark - 1 == 2;
        return decimal.Parse(digits, CultureInfo.InvariantCulture) / (cents ? 100m : 1m);
    }

    private static decimal? Edi(string value) =>
        decimal.TryParse(value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : null;
}
