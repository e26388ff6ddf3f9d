namespace O2C.Analytics.Generate.Remittance;

/// <summary>
/// Plans the study's statement lines: each invoice paid (or not) around its due date, grouped into payments written
/// one of the kinds (RemittanceKind.PaymentShares), each with its truth; then the other traffic of a real account
/// (returns of ours, interest, card settlements, payments out, fees). Whether a payment carries enough information to
/// be applied is judged here from what a careful person sees: the open items of the payer on the value date.
/// </summary>
internal sealed class RemittancePlanner(StudyLedger ledger, SampleRandom rng, DateOnly windowStart, DateOnly windowEnd)
{
    private readonly PayerWriting _write = new(rng);
    private readonly BusinessCalendar _calendar = new([]);
    private int _sequence;

    public List<StatementEntry> Entries { get; } = [];
    public List<StudyTruth> Truth { get; } = [];
    /// <summary>The invoices the study's ledger holds: open on the window's first day or issued later.</summary>
    public List<StudyInvoice> Written { get; } = [];

    private sealed record Payment(StudyCustomer Customer, List<StudyInvoice> Invoices, DateOnly ValueDate, RemittanceKind Kind);

    public void Plan()
    {
        var payments = new List<Payment>();
        foreach (var customer in ledger.Customers)
        {
            var planned = new List<(StudyInvoice Invoice, DateOnly Date, bool Discount)>();
            foreach (var invoice in ledger.Invoices.Where(i => i.Customer == customer))
            {
                var takesDiscount = customer.DiscountDays is { } days && rng.Chance(0.5);
                var date = takesDiscount ? invoice.Issued.AddDays(rng.Between(1, customer.DiscountDays!.Value))
                    : invoice.Due.AddDays((int)Math.Round(rng.Normal(4, 10)));
                if (date < invoice.Issued.AddDays(1)) date = invoice.Issued.AddDays(1);
                date = _calendar.OnOrAfter(date);
                if (date < windowStart) continue;            // paid before the study: not in its ledger
                Written.Add(invoice);
                if (date > windowEnd || rng.Chance(0.06)) continue; // still open at the end
                planned.Add((invoice, date, takesDiscount));
            }
            planned = planned.OrderBy(p => p.Date).ThenBy(p => p.Invoice.Number).ToList();
            for (var i = 0; i < planned.Count; i++)
            {
                var (invoice, date, discount) = planned[i];
                var kind = discount ? RemittanceKind.NetOfDiscount : rng.Weighted(RemittanceKind.PaymentShares);
                if (kind == RemittanceKind.NetOfDiscount && !discount) kind = RemittanceKind.IdInText;
                var group = new List<StudyInvoice> { invoice };
                if (kind == RemittanceKind.SeveralListed || kind == RemittanceKind.PaymentRun)
                {
                    var more = rng.Between(1, 2);
                    while (more-- > 0 && i + 1 < planned.Count && !planned[i + 1].Discount && planned[i + 1].Date <= date.AddDays(14))
                    {
                        group.Add(planned[++i].Invoice);
                        date = planned[i].Date;
                    }
                    if (group.Count == 1) kind = RemittanceKind.IdInText;
                }
                // A short payment of a discount customer comes after its discount days: inside them it would read as a discount.
                if ((kind == RemittanceKind.StatedDeduction || kind == RemittanceKind.BankFee || kind == RemittanceKind.Partial
                     || kind == RemittanceKind.ShortUnexplained) && customer.DiscountDays is { } d
                    && date <= invoice.Issued.AddDays(d + 3))
                    date = _calendar.OnOrAfter(invoice.Issued.AddDays(d + 4));
                if (date > windowEnd) continue;
                payments.Add(new Payment(customer, group, date, kind));
            }
        }
        // In value-date order, as cash matching takes them: what is open for each payer is what was not paid before.
        var open = Written.GroupBy(i => i.Customer).ToDictionary(g => g.Key, g => g.ToList());
        var numbers = Written.ToDictionary(i => i.Number);
        foreach (var p in payments.OrderBy(p => p.ValueDate).ThenBy(p => p.Customer.Id, StringComparer.Ordinal).ThenBy(p => p.Invoices[0].Number))
        {
            var openNow = open[p.Customer].Where(i => i.Issued <= p.ValueDate).ToList();
            Pay(p, openNow, numbers);
            foreach (var invoice in p.Invoices) open[p.Customer].Remove(invoice);
        }
        Duplicates();
        OtherTraffic();
    }

    /// <summary>
    /// About one payment in 70 is made again a few days later, same amount and text (an AP system's double run): there
    /// is nothing open to apply it to, and another open item of the same amount is not what it pays.
    /// </summary>
    private void Duplicates()
    {
        var single = new HashSet<string>([RemittanceKind.IdInText.Code, RemittanceKind.Structured.Code, RemittanceKind.PrefixVariant.Code], StringComparer.Ordinal);
        foreach (var (entry, truth) in Entries.Zip(Truth).ToList())
        {
            if (!single.Contains(truth.Kind.Code) || truth.Documents.Count != 1 || !rng.Chance(1.0 / 70)) continue;
            var again = _calendar.AddBusinessDays(entry.ValueDate, rng.Between(3, 15));
            if (again > windowEnd) continue;
            var reference = NextReference();
            Entries.Add(entry with { ValueDate = again, BankReference = reference });
            Truth.Add(new StudyTruth(reference, RemittanceKind.Duplicate, truth.CustomerId, [], false));
        }
    }

    private string NextReference() => $"S{++_sequence:0000000}";

    private void Pay(Payment p, List<StudyInvoice> openNow, Dictionary<int, StudyInvoice> numbers)
    {
        var c = p.Customer;
        var currency = c.Currency;
        var reference = NextReference();
        var minor = currency == "JPY" ? 0 : 2;
        var total = p.Invoices.Sum(i => i.Amount);
        var fromOwnAccount = rng.Chance(0.85);
        var account = fromOwnAccount ? c.Account : OtherAccount(currency);
        string? name = _write.Name(c);
        var kind = p.Kind;
        var identified = fromOwnAccount && c.AccountListed || c.NameUnique;
        List<string> structured = [];
        string? text = null, edi = null;
        decimal discount = 0, deduction = 0, fee = 0, partial = 0;
        string? category = null;
        var enough = true;
        var channel = Channel(currency);
        var invoice = p.Invoices[0];
        switch (kind.Code)
        {
            case "structured_reference":
                if (Format(currency) == "camt")
                {
                    if (rng.Chance(0.7)) structured.AddRange(p.Invoices.Select(i => i.Id));
                    else structured.Add(PayerWriting.CreditorReference(invoice));
                }
                else if (currency is "USD" or "CAD")
                {
                    channel = "ach";
                    edi = string.Concat(p.Invoices.Select(i => $"RMR*IV*{i.Id.Replace("-", "", StringComparison.Ordinal)}*PI*{PayerWriting.Plain(i.Amount)}\\"));
                }
                else text = currency == "EUR" && rng.Chance(0.5) ? PayerWriting.CreditorReference(invoice) : invoice.Id;
                break;
            case "invoice_id_in_text":
                text = _write.Sentence(_write.FullId(invoice), currency, p.ValueDate);
                break;
            case "several_listed":
                if (Format(currency) == "camt" && rng.Chance(0.3)) structured.AddRange(p.Invoices.Select(i => i.Id));
                else text = _write.Sentence(_write.List(p.Invoices), currency, p.ValueDate);
                break;
            case "prefix_stripped_or_glued":
                text = _write.Sentence(_write.PrefixVariant(invoice, currency), currency, p.ValueDate);
                break;
            case "typo":
                text = _write.Sentence(_write.Typo(invoice), currency, p.ValueDate);
                // Forgivable when the amount, or a known payer, points to this invoice alone among those one slip away.
                enough = openNowAll(p.ValueDate).Count(i => i != invoice && i.Amount == invoice.Amount && OneSlip(i.Number, invoice.Number)) == 0;
                break;
            case "payer_name_only":
                text = _write.NoReferenceText(currency);
                enough = identified && openNow.Count(i => i.Amount == invoice.Amount) == 1;
                break;
            case "payment_run":
                text = _write.NoReferenceText(currency);
                enough = identified && UniqueSet(openNow, total);
                break;
            case "net_of_discount":
                discount = p.Invoices.Sum(i => Math.Round(i.Amount * c.DiscountPct!.Value / 100m, minor, MidpointRounding.AwayFromZero));
                var words = _write.DiscountWords(c.DiscountPct!.Value, discount, currency);
                if (currency == "USD" && rng.Chance(0.4))
                {
                    channel = "ach";
                    edi = $"RMR*IV*{invoice.Id.Replace("-", "", StringComparison.Ordinal)}*PI*{PayerWriting.Plain(invoice.Amount - discount)}*{PayerWriting.Plain(invoice.Amount)}*{PayerWriting.Plain(discount)}\\";
                }
                else text = _write.FullId(invoice) + (words is null ? "" : " " + words);
                break;
            case "stated_deduction":
                deduction = Math.Round(invoice.Amount * (decimal)(0.02 + rng.Uniform() * 0.10), 0);
                if (deduction < 1) deduction = 1;
                (var stated, category) = _write.DeductionWords(deduction, currency);
                text = $"{_write.FullId(invoice)} {stated}";
                break;
            case "bank_fee":
                channel = "wire";
                fee = currency switch
                {
                    "USD" => rng.Pick(new[] { 15m, 20m, 25m, 30m }), "EUR" => rng.Pick(new[] { 5m, 7.5m, 10m, 15m, 20m }),
                    "GBP" => rng.Pick(new[] { 10m, 12m, 15m }), "CAD" => rng.Pick(new[] { 15m, 25m }), "AUD" => rng.Pick(new[] { 12m, 18m, 25m }),
                    _ => rng.Pick(new[] { 1500m, 2000m, 2500m }),
                };
                text = _write.Sentence(_write.FullId(invoice), currency, p.ValueDate) + (rng.Chance(0.3) ? $" CHARGES {PayerWriting.Amount(fee, currency)}" : "");
                break;
            case "partial_payment":
                // 30 to 70 % of the invoice: an instalment; the rest stays open.
                partial = Math.Round(invoice.Amount * (decimal)(0.3 + 0.4 * rng.Uniform()), minor);
                text = _write.Sentence(_write.FullId(invoice), currency, p.ValueDate);
                break;
            case "short_paid_unexplained":
                // Short by 3 to 12 %, and by more than any bank keeps: the customer's deduction, unsaid; a person opens it.
                var kept = Math.Round(invoice.Amount * (decimal)(0.03 + 0.09 * rng.Uniform()), minor);
                if (kept <= 40m * (currency == "JPY" ? 150 : 1)) kept = 41m * (currency == "JPY" ? 150 : 1);
                if (kept >= invoice.Amount * 0.15m) { kind = RemittanceKind.IdInText; text = _write.Sentence(_write.FullId(invoice), currency, p.ValueDate); break; }
                deduction = kept;
                category = "other";
                text = _write.Sentence(_write.FullId(invoice), currency, p.ValueDate);
                break;
            case "other_customers_number":
                // The payer pays its own invoice but quotes a number one slip away that is another customer's.
                var wrong = Variants(invoice.Number).Where(n => numbers.TryGetValue(n, out var other) && other.Customer != c).ToList();
                if (wrong.Count == 0 || !c.AccountListed)
                {
                    kind = RemittanceKind.IdInText;
                    text = _write.Sentence(_write.FullId(invoice), currency, p.ValueDate);
                    break;
                }
                account = c.Account;
                identified = true;
                text = _write.Sentence(numbers[rng.Pick(wrong)].Id, currency, p.ValueDate);
                break;
            case "no_information":
                name = rng.Pick(new[] { "GLOBAL SHARED SERVICES", "TREASURY CENTRE EUROPE", "AP PROCESSING CENTER", "HOLDING SERVICES", "PAYMENTS HUB" });
                account = OtherAccount(currency);
                text = _write.NoReferenceText(currency);
                enough = false;
                break;
        }
        var paid = partial > 0 ? partial : total - discount - deduction - fee;
        Entries.Add(new StatementEntry(currency, p.ValueDate, paid, reference, channel, name, account, text, structured, edi,
            EndToEndId: Format(currency) is "camt" || currency == "EUR"
                ? rng.Weighted<string>([("NOTPROVIDED", 0.6), ($"E2E{rng.Between(10000000, 99999999)}", 0.15), ($"{rng.Between(100000, 999999)}{rng.Between(1000, 9999)}", 0.2),
                    ($"{rng.Between(1000, 9999)}", 0.05)]) // the payer's own payment number, sometimes short enough to pass for an invoice's
                : null));
        // The truth: each invoice paid in full less what came off it (the deduction and fee off the first, as a person would).
        var documents = p.Invoices.Select(i => (i.Id, Paid: partial > 0 ? partial : i.Amount
            - (discount > 0 ? Math.Round(i.Amount * c.DiscountPct!.Value / 100m, minor, MidpointRounding.AwayFromZero) : 0)
            - (i == invoice ? deduction + fee : 0))).ToList();
        Truth.Add(new StudyTruth(reference, kind, c.Id, documents, enough, discount, deduction, category, fee));

        List<StudyInvoice> openNowAll(DateOnly date) => Written.Where(i => i.Issued <= date && i.PaidBy is null).ToList();
        foreach (var i in p.Invoices) i.PaidBy = reference;
    }

    /// <summary>Exactly one set of two to four open items adds up to the amount, and no single item does.</summary>
    private static bool UniqueSet(List<StudyInvoice> open, decimal amount)
    {
        if (open.Count(i => i.Amount == amount) > 0) return false;
        var found = 0;
        var items = open.Take(24).ToList();
        void Search(int from, int taken, decimal sum)
        {
            if (found > 1) return;
            if (taken >= 2 && sum == amount) { found++; return; }
            if (taken == 4) return;
            for (var k = from; k < items.Count; k++)
                if (sum + items[k].Amount <= amount) Search(k + 1, taken + 1, sum + items[k].Amount);
        }
        Search(0, 0, 0);
        return found == 1 && open.Count <= 24;
    }

    /// <summary>Numbers one slip from n: a digit changed, left out, doubled or two neighbours swapped.</summary>
    private static IEnumerable<int> Variants(int n)
    {
        var s = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < s.Length; i++)
        {
            for (var d = '0'; d <= '9'; d++) if (d != s[i]) yield return int.Parse(s[..i] + d + s[(i + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            if (i + 1 < s.Length && s[i] != s[i + 1]) yield return int.Parse(s[..i] + s[i + 1] + s[i] + s[(i + 2)..], System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    // A digit changed or two swapped (Variants works both ways), or one left out of either.
    private static bool OneSlip(int a, int b) => Variants(a).Contains(b)
        || Dropped(a.ToString(System.Globalization.CultureInfo.InvariantCulture), b.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static bool Dropped(string a, string b)
    {
        var (longer, shorter) = a.Length > b.Length ? (a, b) : (b, a);
        for (var i = 0; i < longer.Length; i++) if (longer.Remove(i, 1) == shorter) return true;
        return false;
    }

    private string OtherAccount(string currency) => currency switch
    {
        "EUR" => $"DE{rng.Between(10, 99)}{rng.Between(10000000, 99999999)}{rng.Between(1000000000, 2000000000)}",
        "GBP" => $"GB{rng.Between(10, 99)}BARC{rng.Between(100000, 999999)}{rng.Between(10000000, 99999999)}",
        _ => $"{rng.Between(100000, 999999)}{rng.Between(1000, 9999)}",
    };

    public static string Format(string currency) => currency switch { "USD" or "CAD" => "bai2", "EUR" or "AUD" => "mt940", _ => "camt" };

    private string Channel(string currency) => currency switch
    {
        "USD" => rng.Weighted<string>([("ach", 0.6), ("wire", 0.3), ("check", 0.1)]),
        "CAD" => rng.Weighted<string>([("ach", 0.5), ("wire", 0.5)]),
        "EUR" => "sepa",
        _ => "wire",
    };

    /// <summary>
    /// The rest of a real account's traffic: credits that are no customer's payment (a refund of ours bounced, a
    /// direct debit of ours returned, interest, a card settlement, a transfer between our accounts) and payments out.
    /// </summary>
    private void OtherTraffic()
    {
        foreach (var currency in StudyLedger.Currencies)
        {
            var payments = Entries.Count(e => e.Currency == currency);
            for (var day = windowStart; day <= windowEnd; day = day.AddDays(1))
            {
                if (!_calendar.IsBusinessDay(day)) continue;
                var scale = currency == "JPY" ? 150m : 1m;
                if (rng.Chance(payments * 0.015 / 64))
                {
                    var reference = NextReference();
                    var amount = Math.Round((decimal)rng.LogNormal(600, 0.8) * scale, currency == "JPY" ? 0 : 2);
                    var refund = rng.Chance(0.5);
                    Entries.Add(new StatementEntry(currency, day, amount, reference, refund ? "refund_return" : "dd_return", rng.Pick(new[] { "BRIGHT OFFICE SUPPLY", "FLEETCARE SERVICES", ledger.Customers[rng.Between(0, ledger.Customers.Count - 1)].Name.ToUpperInvariant() }),
                        OtherAccount(currency), refund ? $"RETURN OF REFUND GS-{rng.Between(1000, 9999)} AC04 ACCOUNT CLOSED" : $"RETURNED DIRECT DEBIT MS03 MANDATE {rng.Between(100000, 999999)}",
                        [], null, IsReturn: true));
                    Truth.Add(new StudyTruth(reference, RemittanceKind.Return, null, [], false));
                }
                if (rng.Chance(payments * 0.012 / 64))
                {
                    var reference = NextReference();
                    var (text, amount) = rng.Pick(new[] { ("INTEREST CREDIT", 12.34m), ($"CARD SETTLEMENT {rng.Between(1000, 9999)} VISA", 1840.55m), ("TRANSFER FROM SAVINGS ACCOUNT", 25000m) });
                    Entries.Add(new StatementEntry(currency, day, Math.Round(amount * scale, currency == "JPY" ? 0 : 2), reference, "other", null, null, text, [], null));
                    Truth.Add(new StudyTruth(reference, RemittanceKind.OtherCredit, null, [], false));
                }
                for (var k = rng.Poisson(payments * 0.3 / 64); k > 0; k--)
                {
                    var amount = Math.Round((decimal)rng.LogNormal(1800, 1.0) * scale, currency == "JPY" ? 0 : 2);
                    Entries.Add(new StatementEntry(currency, day, -amount, NextReference(), "payment_out", rng.Pick(new[] { "ACME PAPER MILLS", "CITY UTILITIES", "PAYROLL", "TAX OFFICE", "FREIGHTLINE CARRIERS" }),
                        OtherAccount(currency), $"VENDOR PAYMENT {rng.Between(100000, 999999)}", [], null));
                }
                if (rng.Chance(0.2)) Entries.Add(new StatementEntry(currency, day, -(currency == "JPY" ? 1500m : 12.50m), NextReference(), "fee", null, null, "ACCOUNT MAINTENANCE FEE", [], null));
            }
        }
    }
}
