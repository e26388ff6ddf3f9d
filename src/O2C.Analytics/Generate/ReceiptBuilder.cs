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
    SampleRandom rng,
    SampleOperations operations)
{
    private readonly SampleStory _story = options.Story; // worked out once, not per receipt

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
        // A weekly payment run pays the week's items on its first planned day (none before its NotBefore).
        var valueDate = calendar.OnOrAfter(Later(paid.Min(p => p.Date), paid.Max(p => p.NotBefore)));
        if (valueDate > options.CutOff) return;
        var id = numbers.Receipt();
        var amount = paid.Sum(p => p.Amount);
        var unidentified = rng.Chance(0.002);
        var remittance = unidentified ? null : Remittance(paid);
        var clean = remittance is not null && IsClean(remittance, paid);
        // The story's recovering team posts slowly until its new matching process goes live; the others meet the SLA.
        var slowTeam = customer.BpoTeam == _story.RecoveringTeam && valueDate < _story.ProcessChange;
        var posted = calendar.AddBusinessDays(valueDate, slowTeam
            ? rng.Weighted<int>([(0, 0.55), (1, 0.25), (2, 0.15), (3, 0.05)])
            : rng.Weighted<int>([(0, 0.9), (1, 0.09), (2, 0.01), (3, 0.0)]));
        // Operations: an outage holds that day's postings two days; a short-staffed team posts a day later.
        if (operations.OutageHolds(valueDate)) posted = calendar.AddBusinessDays(posted, 2);
        var shortStaffed = operations.ShortStaffed(customer.BpoTeam, valueDate);
        if (shortStaffed) posted = calendar.AddBusinessDays(posted, 1);
        var method = customer.Region switch
        {
            "North America" => rng.Weighted<string>([("ach", 0.6), ("check", 0.25), ("wire", 0.15)]),
            "EMEA" => rng.Weighted<string>([("sepa", 0.7), ("wire", 0.3)]),
            _ => "wire",
        };
        var bankReference = $"BNK{valueDate:yyMMdd}{rng.Between(100000, 999999)}";
        // From the bank feed's start the payment reaches the product as a statement line, for cash matching to apply;
        // every draw below is still made, so that the rest of the history is the same with the feed or without it.
        var fromBank = files.BankFeed is { } feed && valueDate >= feed.Start;
        if (fromBank)
            files.BankFeed!.Payment(customer, id, valueDate, method, paid.Select(p => (p.DocumentId, p.Amount)).ToList(), unidentified);
        else
        {
            files.Receipts.Text(id).Text(unidentified ? null : customer.CustomerId).Date(valueDate).Date(posted).Money(amount)
                .Text(customer.Currency).Text(method).Text(bankReference).Text(remittance).End();
            foreach (var p in paid) files.TruthReceipts.Text(id).Text(p.DocumentId).Money(p.Amount).End();
        }
        // An unidentified payer is found later (the customer calls, the bank sends details) and the cash applied by
        // hand: most within weeks, some only after months.
        var identifiedLater = unidentified;

        var auto = clean && rng.Chance(0.97);
        var applied = auto
            ? posted
            : calendar.AddBusinessDays(posted, slowTeam
                ? rng.Weighted<int>([(0, 0.15), (1, 0.25), (2, 0.2), (4, 0.25), (8, 0.15)])
                : rng.Weighted<int>([(0, 0.5), (1, 0.35), (2, 0.1), (4, 0.05), (8, 0.0)]) + (shortStaffed ? 2 : 0));
        if (rng.Chance(slowTeam ? 0.03 : 0.005)) applied = calendar.OnOrAfter(applied.AddDays(rng.Between(15, 60))); // unapplied for weeks
        if (identifiedLater) applied = calendar.AddBusinessDays(posted, rng.Chance(0.8) ? rng.Between(5, 30) : rng.Between(30, 90));
        if (applied > options.CutOff || fromBank) return;
        foreach (var p in paid)
            files.Applications.Text(numbers.Application()).Text(id).Text(p.DocumentId).Date(applied).Money(p.Amount)
                .Text(auto && !identifiedLater ? "auto" : "manual").End();
    }

    /// <summary>Remittance as customers write it: mostly the invoice numbers, sometimes bare numbers, typos or nothing.</summary>
    private string? Remittance(List<PlannedPayment> paid)
    {
        var kind = rng.Weighted<string>([("clean", 0.92), ("bare", 0.03), ("typo", 0.02), ("none", 0.03)]);
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

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
}
