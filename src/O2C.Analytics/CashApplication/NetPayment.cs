namespace O2C.Analytics.CashApplication;

/// <summary>A customer's early-payment discount: Percent off if paid within Days of the invoice date.</summary>
public sealed record DiscountTerms(decimal Percent, int Days);

/// <summary>
/// Part of a document closed other than by the receipt's cash: a write-off (reason cash_discount or bank_charge) or a
/// deduction opened for the customer to answer (its category: damaged, pricing, unearned_discount, ...).
/// </summary>
internal sealed record Adjustment(OpenDocument Document, decimal Amount, bool IsDeduction, string Reason);

/// <summary>A receipt short of its documents, the shortfall explained: what each document gets, what closes the rest.</summary>
/// <param name="UnstatedFee">Part of the shortfall is taken as a bank's fee the remittance did not state.</param>
internal sealed record NetSettlement(List<(OpenDocument Document, decimal Amount)> Applications, List<Adjustment> Adjustments, string Rule,
    bool UnstatedFee = false);

/// <summary>
/// Explains why a receipt is short of the documents it pays, or says it cannot: an early-payment discount within the
/// customer's terms (written off, cash_discount), a discount taken late or beyond the terms (a deduction,
/// unearned_discount), deductions the remittance states with their reason, and what is left no more than the bank's fee
/// tolerance for the currency (written off, bank_charge). Anything else is not explained.
/// </summary>
internal static class NetPayment
{
    public static NetSettlement? Explain(IReadOnlyList<OpenDocument> documents, decimal received, DateOnly valueDate, string currency,
        DiscountTerms? terms, IReadOnlyList<StatedAdjustment> stated, CashMatchOptions options, int minorUnits, bool unstatedFeeAllowed = true)
    {
        var total = documents.Sum(d => d.Open);
        var shortBy = total - received;
        if (shortBy <= 0) return null;
        var unit = 1m / Pow10(minorUnits);
        var rounding = unit * documents.Count;
        decimal Discount(OpenDocument d) => terms is null ? 0 : Math.Round(d.Open * terms.Percent / 100m, minorUnits, MidpointRounding.AwayFromZero);
        bool InTerms(OpenDocument d) => terms is not null && valueDate <= d.Issued.AddDays(terms.Days + options.DiscountGraceDays);
        var earnable = documents.Sum(d => InTerms(d) ? Discount(d) : 0);
        var owed = documents.Sum(Discount);
        var deductions = stated.Where(s => s.Kind == AdjustmentKind.Deduction && s.Amount is > 0).ToList();
        var fees = stated.Where(s => s.Kind == AdjustmentKind.Fee && s.Amount is > 0).Sum(s => s.Amount!.Value);
        var statedDiscount = stated.FirstOrDefault(s => s.Kind == AdjustmentKind.Discount) is { } sd
            ? sd.Amount ?? Math.Round(total * sd.Percent!.Value / 100m, minorUnits, MidpointRounding.AwayFromZero)
            : (decimal?)null;
        // The readings of the discount, most likely first: (earned, unearned).
        var readings = new List<(decimal Earned, decimal Unearned)>();
        if (statedDiscount is { } said)
            readings.Add(earnable > 0 && documents.All(InTerms) && Math.Abs(said - earnable) <= rounding ? (earnable, 0) : (0, said));
        else
        {
            if (earnable > 0) readings.Add((earnable, 0));
            if (owed > 0 && owed != earnable) readings.Add((0, owed)); // the terms' discount taken when it was no longer due
        }
        readings.Add((0, 0));
        var tolerance = unstatedFeeAllowed ? options.BankFeeTolerance.GetValueOrDefault(currency) : 0;
        foreach (var (earned, unearned) in readings)
        {
            var rest = shortBy - earned - unearned - deductions.Sum(d => d.Amount!.Value) - fees;
            var roundedAway = earned > 0 && Math.Abs(rest) <= rounding ? rest : 0; // a payer's own rounding of the discount
            rest -= roundedAway;
            // The terms' discount taken late, unsaid, explains a shortfall only exactly: with a fee on top it is a guess.
            var unsaidLate = statedDiscount is null && unearned > 0;
            if (rest < 0 || rest > tolerance || unsaidLate && rest != 0) continue;
            return Settle(documents, earned > 0 ? Discount : _ => 0, InTerms, roundedAway, unearned, deductions, fees + rest) with { UnstatedFee = rest > 0 };
        }
        return null;
    }

    private static NetSettlement Settle(IReadOnlyList<OpenDocument> documents, Func<OpenDocument, decimal> discount, Func<OpenDocument, bool> inTerms,
        decimal roundedAway, decimal unearned, List<StatedAdjustment> deductions, decimal fee)
    {
        var adjustments = new List<Adjustment>();
        var left = documents.ToDictionary(d => d, d => d.Open);
        foreach (var d in documents)
        {
            var taken = inTerms(d) ? discount(d) : 0;
            if (d == documents[0]) taken += roundedAway;
            if (taken <= 0) continue;
            adjustments.Add(new Adjustment(d, taken, false, "cash_discount"));
            left[d] -= taken;
        }
        // What the payer kept otherwise is laid on the documents in the order it named them.
        void Lay(decimal amount, bool isDeduction, string reason)
        {
            foreach (var d in documents)
            {
                if (amount <= 0) return;
                var part = Math.Min(amount, left[d]);
                if (part <= 0) continue;
                adjustments.Add(new Adjustment(d, part, isDeduction, reason));
                left[d] -= part;
                amount -= part;
            }
        }
        if (unearned > 0) Lay(unearned, true, "unearned_discount");
        foreach (var d in deductions) Lay(d.Amount!.Value, true, d.Category);
        if (fee > 0) Lay(fee, false, "bank_charge");
        var rule = string.Concat(
            adjustments.Any(a => a.Reason == "cash_discount") ? "+cash_discount" : "",
            unearned > 0 ? "+unearned_discount" : "",
            deductions.Count > 0 ? "+stated_deduction" : "",
            fee > 0 ? "+bank_charge" : "");
        return new NetSettlement(documents.Where(d => left[d] > 0).Select(d => (d, left[d])).ToList(), adjustments, rule);
    }

    private static decimal Pow10(int n) => n switch { 0 => 1m, 1 => 10m, 2 => 100m, _ => 1000m };
}
