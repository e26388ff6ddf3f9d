using System.Globalization;
using O2C.Analytics.Render.Csv;

namespace O2C.Analytics.Generate.Remittance;

/// <summary>What the remittance study wrote: where, and how many credits of each kind.</summary>
public sealed record RemittanceStudyFiles(string Folder, string LedgerFolder, string SourcesConfig, string TruthFile,
    IReadOnlyDictionary<string, int> CreditsByKind, int StatementFiles);

/// <summary>
/// Generates the cash-application study of issue 24: a ledger (customers, payer accounts and names, invoices) and three
/// months of bank statements for six accounts in six currencies, in BAI2 (USD, CAD), MT940 (EUR German-structured, AUD
/// free text) and camt.053 (.001.02 GBP, .001.08 JPY), whose credits are written the ways payers remit, with the other
/// traffic of a real account around them, and the truth of every credit (_truth/remittance.csv). The same seed writes
/// the same bytes.
/// </summary>
public static class RemittanceStudy
{
    public static readonly DateOnly WindowStart = new(2026, 9, 1);
    public static readonly DateOnly WindowEnd = new(2026, 11, 27);

    public static RemittanceStudyFiles Write(string folder, int customers, int seed)
    {
        var rng = SampleRandom.For(seed, 24);
        var ledger = new StudyLedger(customers, rng.Fork(), new DateOnly(2026, 6, 1), new DateOnly(2026, 11, 20));
        var planner = new RemittancePlanner(ledger, rng.Fork(), WindowStart, WindowEnd);
        planner.Plan();
        var ledgerFolder = Directory.CreateDirectory(Path.Combine(folder, "ledger")).FullName;
        var bankFolder = Directory.CreateDirectory(Path.Combine(folder, "bank")).FullName;
        var truthFolder = Directory.CreateDirectory(Path.Combine(folder, "_truth")).FullName;
        WriteLedger(ledgerFolder, ledger, planner.Written);
        var files = WriteStatements(bankFolder, planner.Entries);
        var truth = Path.Combine(truthFolder, "remittance.csv");
        WriteTruth(truth, planner.Truth);
        var config = Path.Combine(folder, "o2c.sources.json");
        File.WriteAllText(config, """
            {
              "sources": [
                { "name": "study-bai2", "kind": "bai2", "path": "bank/*.bai" },
                { "name": "study-camt", "kind": "camt053", "path": "bank/*.xml" },
                { "name": "study-mt940", "kind": "mt940", "path": "bank/*.sta" }
              ]
            }
            """);
        return new RemittanceStudyFiles(folder, ledgerFolder, config, truth,
            planner.Truth.GroupBy(t => t.Kind.Code).ToDictionary(g => g.Key, g => g.Count()), files);
    }

    private static void WriteLedger(string folder, StudyLedger ledger, List<StudyInvoice> written)
    {
        using (var csv = new CsvWriter(Path.Combine(folder, "customers.csv"), false, "customer_id", "customer_name", "segment", "region", "country_code",
                   "currency_code", "payment_terms_days", "credit_limit", "risk_class", "collector", "bpo_team", "e_invoicing", "cash_discount_pct", "cash_discount_days"))
            foreach (var c in ledger.Customers)
            {
                var (region, country) = c.Currency switch
                {
                    "USD" => ("North America", "US"), "CAD" => ("North America", "CA"), "EUR" => ("EMEA", "DE"), "GBP" => ("EMEA", "GB"),
                    "JPY" => ("APAC", "JP"), _ => ("APAC", "AU"),
                };
                var row = csv.Text(c.Id).Text(c.Name).Text("Mid-market").Text(region).Text(country).Text(c.Currency).Integer(c.TermsDays).Text(null)
                    .Text("B").Text("Study").Text("In-house").Flag(true);
                (c.DiscountPct is { } pct ? row.Number(pct, "0.##").Integer(c.DiscountDays!.Value) : row.Text(null).Text(null)).End();
            }
        using (var csv = new CsvWriter(Path.Combine(folder, "customer_payers.csv"), false, "customer_id", "identifier_type", "identifier"))
            foreach (var c in ledger.Customers.Where(c => c.AccountListed))
                csv.Text(c.Id).Text("account").Text(c.Account).End();
        using (var csv = new CsvWriter(Path.Combine(folder, "documents.csv"), false, "document_id", "document_type", "customer_id", "order_date", "ship_date",
                   "document_date", "sent_date", "due_date", "amount", "currency_code", "corrects_document_id", "dispute_id", "delivery_channel", "opening_balance_date"))
            foreach (var i in written.OrderBy(i => i.Number))
                csv.Text(i.Id).Text("invoice").Text(i.Customer.Id).Text(null).Text(null).Date(i.Issued).Date(i.Issued).Date(i.Due).Money(i.Amount)
                    .Text(i.Customer.Currency).Text(null).Text(null).Text("email").Text(null).End();
    }

    private static int WriteStatements(string folder, List<StatementEntry> entries)
    {
        var files = 0;
        foreach (var currency in StudyLedger.Currencies)
        {
            var account = currency switch
            {
                "USD" => "4418820017", "CAD" => "00012-004-5566778", "EUR" => "DE44500105175407324931", "AUD" => "062-000 10998877",
                "GBP" => "GB33BUKB20201555555555", _ => "0005-201-7788990",
            };
            foreach (var month in entries.Where(e => e.Currency == currency).GroupBy(e => (e.ValueDate.Year, e.ValueDate.Month)).OrderBy(g => g.Key))
            {
                var days = month.OrderBy(e => e.ValueDate).GroupBy(e => e.ValueDate).ToList();
                var opening = 250_000m * (currency == "JPY" ? 150 : 1) + entries.Where(e => e.Currency == currency && e.ValueDate < days[0].Key).Sum(e => e.Amount);
                var name = $"{currency.ToLowerInvariant()}-{month.Key.Year}-{month.Key.Month:00}";
                switch (RemittancePlanner.Format(currency))
                {
                    case "bai2": Bai2StatementWriter.Write(Path.Combine(folder, name + ".bai"), account, currency, days, opening); break;
                    case "mt940": Mt940StatementWriter.Write(Path.Combine(folder, name + ".sta"), account.Replace(" ", "", StringComparison.Ordinal), currency, currency == "EUR", days, opening); break;
                    default: Camt053StatementWriter.Write(Path.Combine(folder, name + ".xml"), account, currency, currency == "GBP" ? "02" : "08", days, opening); break;
                }
                files++;
            }
        }
        return files;
    }

    private static void WriteTruth(string path, List<StudyTruth> truth)
    {
        using var csv = new CsvWriter(path, false, "bank_reference", "kind", "is_payment", "customer_id", "enough_information", "documents",
            "discount", "deduction", "deduction_category", "fee");
        foreach (var t in truth)
            csv.Text(t.BankReference).Text(t.Kind.Code).Flag(t.Kind.IsPayment).Text(t.CustomerId).Flag(t.EnoughInformation)
                .Text(string.Join(";", t.Documents.Select(d => $"{d.DocumentId}:{d.Paid.ToString("0.00", CultureInfo.InvariantCulture)}")))
                .Money(t.Discount).Money(t.Deduction).Text(t.DeductionCategory).Money(t.Fee).End();
    }
}
