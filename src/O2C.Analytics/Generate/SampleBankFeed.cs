using System.Globalization;
using O2C.Analytics.Generate.Remittance;
using O2C.Analytics.Render.Csv;

namespace O2C.Analytics.Generate;

/// <summary>
/// The sample company's bank feed: from its start (the history's last three weekdays) customers' payments
/// reach the product as the banks' statements, not as the ERP's receipts and applications, and `o2c run` applies them
/// with cash matching. Remittance is written the ways payers remit (RemittanceKind, PayerWriting), in the format of the
/// currency's bank (BAI2 USD/CAD, MT940 EUR/AUD, camt.053 GBP/JPY), with payments out and fees around them. Every
/// customer pays from an account of its own; about two in three are listed in customer_payers. Each credit's truth
/// (its documents and kind) is in _truth/bank_receipts.csv, keyed by the bank's reference.
/// </summary>
public sealed class SampleBankFeed(string folder, int seed, DateOnly start, bool gzip)
{
    private readonly List<StatementEntry> _entries = [];
    private readonly CsvWriter _truth = new(Path.Combine(Directory.CreateDirectory(Path.Combine(folder, "_truth")).FullName, "bank_receipts.csv"), false,
        "bank_reference", "kind", "customer_id", "documents");
    private readonly CsvWriter _payers = new(Path.Combine(folder, "customer_payers.csv" + (gzip ? ".gz" : "")), gzip, "customer_id", "identifier_type", "identifier");

    public DateOnly Start { get; } = start;

    public long PayerRows => _payers.Rows;

    /// <summary>The customer's own account, as its bank writes it; listed in customer_payers for about two customers in three.</summary>
    public string Account(CustomerProfile customer)
    {
        var rng = Stream(customer.CustomerId, 1);
        string Digits(int n) => string.Concat(Enumerable.Range(0, n).Select(_ => (char)('0' + rng.Between(0, 9))));
        var account = customer.Currency switch
        {
            "EUR" => StudyLedger.Iban("DE", Digits(18)), "GBP" => StudyLedger.Iban("GB", "NWBK" + Digits(14)), "USD" => "1" + Digits(9),
            "CAD" => $"{Digits(5)}-{Digits(3)}-{Digits(7)}", "AUD" => $"{Digits(3)}-{Digits(3)} {Digits(8)}", _ => $"{Digits(4)}-{Digits(3)}-{Digits(7)}",
        };
        return account;
    }

    public void WritePayer(CustomerProfile customer)
    {
        if (Stream(customer.CustomerId, 2).Chance(0.65)) _payers.Text(customer.CustomerId).Text("account").Text(Account(customer)).End();
    }

    /// <summary>A customer's payment of documents (id, amount) credited on valueDate, written as a statement line with its truth.</summary>
    public void Payment(CustomerProfile customer, string receiptId, DateOnly valueDate, string method, IReadOnlyList<(string DocumentId, decimal Amount)> paid, bool unidentified)
    {
        var rng = Stream(receiptId, 3);
        var write = new PayerWriting(rng);
        var study = new StudyCustomer(customer.CustomerId, customer.Name, customer.Name, customer.Currency, customer.TermsDays, null, null, Account(customer), false);
        var invoices = paid.Select(p => new StudyInvoice(p.DocumentId, Number(p.DocumentId), study, valueDate, p.Amount)).ToList();
        var kind = unidentified ? RemittanceKind.NoInformation
            : invoices.Count > 1 ? rng.Weighted<RemittanceKind>([(RemittanceKind.Structured, 0.3), (RemittanceKind.SeveralListed, 0.45), (RemittanceKind.PaymentRun, 0.25)])
            : rng.Weighted<RemittanceKind>([(RemittanceKind.Structured, 0.25), (RemittanceKind.IdInText, 0.33), (RemittanceKind.PrefixVariant, 0.14),
                (RemittanceKind.Typo, 0.08), (RemittanceKind.PayerNameOnly, 0.12), (RemittanceKind.NoInformation, 0.03)]);
        var currency = customer.Currency;
        var format = RemittancePlanner.Format(currency);
        string? text = null, edi = null, name = write.Name(study), account = rng.Chance(0.9) ? study.Account : null;
        List<string> structured = [];
        var first = invoices[0];
        var channel = method switch { "check" => "check", "ach" => "ach", "sepa" => "sepa", _ => "wire" };
        switch (kind.Code)
        {
            case "structured_reference" when format == "camt":
                structured.AddRange(invoices.Select(i => i.Id));
                break;
            case "structured_reference" when format == "bai2":
                channel = "ach";
                edi = string.Concat(invoices.Select(i => $"RMR*IV*{i.Id.Replace("-", "", StringComparison.Ordinal)}*PI*{PayerWriting.Plain(i.Amount)}\\"));
                break;
            case "structured_reference":
                text = string.Join(" ", invoices.Select(i => currency == "EUR" && rng.Chance(0.5) ? PayerWriting.CreditorReference(i) : i.Id));
                break;
            case "invoice_id_in_text": text = write.Sentence(write.FullId(first), currency, valueDate); break;
            case "several_listed": text = write.Sentence(write.List(invoices), currency, valueDate); break;
            case "prefix_stripped_or_glued": text = write.Sentence(write.PrefixVariant(first, currency), currency, valueDate); break;
            case "typo": text = write.Sentence(write.Typo(first), currency, valueDate); break;
            case "no_information":
                name = rng.Pick(new[] { "GLOBAL SHARED SERVICES", "TREASURY CENTRE", "AP PROCESSING CENTER" });
                account = null;
                text = write.NoReferenceText(currency);
                break;
            default: text = write.NoReferenceText(currency); break; // payer name only, payment run
        }
        var reference = "B" + receiptId[(receiptId.IndexOf('-') + 1)..];
        _entries.Add(new StatementEntry(currency, valueDate, paid.Sum(p => p.Amount), reference, channel, name, account, text, structured, edi,
            EndToEndId: format == "camt" || currency == "EUR" ? "NOTPROVIDED" : null));
        _truth.Text(reference).Text(kind.Code).Text(customer.CustomerId)
            .Text(string.Join(";", paid.Select(p => $"{p.DocumentId}:{p.Amount.ToString("0.00", CultureInfo.InvariantCulture)}"))).End();
    }

    /// <summary>Writes the statements (with each account's payments out and fees) and the sources file `o2c run` extracts them by.</summary>
    public int WriteStatements(DateOnly end)
    {
        var bank = Directory.CreateDirectory(Path.Combine(folder, "bank")).FullName;
        var rng = new SampleRandom(seed * 31 + 7);
        var calendar = new BusinessCalendar([]);
        var entries = new List<StatementEntry>(_entries);
        var n = 0;
        foreach (var currency in StudyLedger.Currencies)
        {
            var scale = currency == "JPY" ? 150m : 1m;
            for (var day = Start; day <= end; day = day.AddDays(1))
            {
                if (!calendar.IsBusinessDay(day)) continue;
                for (var k = rng.Poisson(3); k > 0; k--)
                    entries.Add(new StatementEntry(currency, day, -Math.Round((decimal)rng.LogNormal(1800, 1.0) * scale, currency == "JPY" ? 0 : 2), $"P{currency}{++n:000000}",
                        "payment_out", rng.Pick(new[] { "ACME PAPER MILLS", "CITY UTILITIES", "PAYROLL", "FREIGHTLINE CARRIERS" }), null, $"VENDOR PAYMENT {rng.Between(100000, 999999)}", [], null));
                entries.Add(new StatementEntry(currency, day, -(currency == "JPY" ? 1500m : 12.50m), $"F{currency}{++n:000000}", "fee", null, null, "ACCOUNT MAINTENANCE FEE", [], null));
            }
        }
        var files = 0;
        foreach (var currency in StudyLedger.Currencies)
        {
            var days = entries.Where(e => e.Currency == currency).OrderBy(e => e.ValueDate).ThenBy(e => e.BankReference, StringComparer.Ordinal).GroupBy(e => e.ValueDate).ToList();
            if (days.Count == 0) continue;
            var opening = 500_000m * (currency == "JPY" ? 150 : 1);
            var name = $"{currency.ToLowerInvariant()}-{Start.Year}-{Start.Month:00}";
            var account = currency switch
            {
                "USD" => "4418820017", "CAD" => "00012-004-5566778", "EUR" => "DE44500105175407324931", "AUD" => "06200010998877",
                "GBP" => "GB33BUKB20201555555555", _ => "0005-201-7788990",
            };
            switch (RemittancePlanner.Format(currency))
            {
                case "bai2": Bai2StatementWriter.Write(Path.Combine(bank, name + ".bai"), account, currency, days, opening); break;
                case "mt940": Mt940StatementWriter.Write(Path.Combine(bank, name + ".sta"), account, currency, currency == "EUR", days, opening); break;
                default: Camt053StatementWriter.Write(Path.Combine(bank, name + ".xml"), account, currency, currency == "GBP" ? "02" : "08", days, opening); break;
            }
            files++;
        }
        File.WriteAllText(Path.Combine(folder, "o2c.sources.json"), """
            {
              // The sample company's bank statements from its bank feed's start: `o2c run` extracts them and applies them
              // with cash matching (data-samples/README.md, story 7).
              "sources": [
                { "name": "bank-bai2", "kind": "bai2", "path": "bank/*.bai" },
                { "name": "bank-camt", "kind": "camt053", "path": "bank/*.xml" },
                { "name": "bank-mt940", "kind": "mt940", "path": "bank/*.sta" }
              ]
            }
            """);
        return files;
    }

    public void Close()
    {
        _truth.Dispose();
        _payers.Dispose();
    }

    private SampleRandom Stream(string id, int purpose) => new(unchecked(seed * 1_000_003 + Number(id) * 31 + purpose * 7_919));

    private static int Number(string id) => int.Parse(string.Concat(id.Where(char.IsAsciiDigit).TakeLast(9)), CultureInfo.InvariantCulture);
}
