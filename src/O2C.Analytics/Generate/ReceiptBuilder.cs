namespace O2C.Analytics.Generate;

/// <summary>
/// Turns a customer's planned payments into bank receipts and their cash applications: batch payers send one
/// receipt a week for several invoices; remittance text is sometimes noisy or missing, which decides whether
/// the match was automatic or manual; some cash sits unapplied for weeks, a little is never identified.
/// </summary>
public sealed class ReceiptBuilder(
    CustomerProfile customer,
    GeneratorOptions options,
    BusinessCalendar calendar,
    DocumentNumbers numbers,
    SampleFiles files,
    SampleRandom rng)
{
    public void Write(List<PlannedPayment> payments)
    {
        var byValueDate = payments
            .Select(p => p with { Date = calendar.OnOrAfter(p.Date) })
            .OrderBy(p => p.Date).ThenBy(p => p.DocumentId, StringComparer.Ordinal)
            .ToList();
        var groups = customer.BatchPayer
            ? byValueDate.GroupBy(p => WeekOf(p.Date)).Select(g => g.ToList())
            : byValueDate.Select(p => new List<PlannedPayment> { p });
        foreach (var group in groups) Receipt(group);
    }

    private void Receipt(List<PlannedPayment> paid)
    {
        var valueDate = paid.Max(p => p.Date);
        if (valueDate > options.CutOff) return;
        var id = numbers.Receipt();
        var amount = paid.Sum(p => p.Amount);
        var unidentified = rng.Chance(0.002);
        var remittance = unidentified ? null : Remittance(paid);
        var clean = remittance is not null && IsClean(remittance, paid);
        var posted = calendar.AddBusinessDays(valueDate, rng.Weighted<int>([(0, 0.8), (1, 0.15), (2, 0.04), (3, 0.01)]));
        var method = customer.Region switch
        {
            "North America" => rng.Weighted<string>([("ach", 0.6), ("check", 0.25), ("wire", 0.15)]),
            "EMEA" => rng.Weighted<string>([("sepa", 0.7), ("wire", 0.3)]),
            _ => "wire",
        };
        files.Receipts.Text(id).Text(unidentified ? null : customer.CustomerId).Date(valueDate).Date(posted).Money(amount)
            .Text(customer.Currency).Text(method).Text($"BNK{valueDate:yyMMdd}{rng.Between(100000, 999999)}").Text(remittance).End();
        foreach (var p in paid) files.TruthReceipts.Text(id).Text(p.DocumentId).Money(p.Amount).End();
        if (unidentified) return; // on account, never identified

        var auto = clean && rng.Chance(0.97);
        var applied = auto
            ? posted
            : calendar.AddBusinessDays(posted, rng.Weighted<int>([(0, 0.3), (1, 0.3), (2, 0.15), (4, 0.15), (8, 0.1)]));
        if (rng.Chance(0.015)) applied = calendar.OnOrAfter(applied.AddDays(rng.Between(15, 60))); // unapplied for weeks
        if (applied > options.CutOff) return;
        foreach (var p in paid)
            files.Applications.Text(numbers.Application()).Text(id).Text(p.DocumentId).Date(applied).Money(p.Amount)
                .Text(auto ? "auto" : "manual").End();
    }

    /// <summary>Remittance as customers write it: mostly the invoice numbers, sometimes bare numbers, typos or nothing.</summary>
    private string? Remittance(List<PlannedPayment> paid)
    {
        var kind = rng.Weighted<string>([("clean", 0.80), ("bare", 0.07), ("typo", 0.05), ("none", 0.08)]);
        switch (kind)
        {
            case "clean":
                return "PAYMENT " + string.Join(" ", paid.Select(p => p.DocumentId));
            case "bare":
                return "INV " + string.Join("/", paid.Select(p => p.DocumentId.TrimStart('I', 'N', 'V', 'C', 'M', '-').TrimStart('0')));
            case "typo":
                return string.Join(" ", paid.Select(p => p.DocumentId.Replace('0', 'O')));
            default:
                return null;
        }
    }

    private static bool IsClean(string remittance, List<PlannedPayment> paid) =>
        paid.All(p => remittance.Contains(p.DocumentId, StringComparison.Ordinal));

    private static int WeekOf(DateOnly d) => d.DayNumber / 7;
}
