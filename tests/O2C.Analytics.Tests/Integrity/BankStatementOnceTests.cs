using System.Globalization;
using O2C.Analytics.Extract;
using O2C.Analytics.Extract.Sources;
using O2C.Analytics.Tests.Support;

namespace O2C.Analytics.Tests.Integrity;

/// <summary>
/// Issue 16: the same money once. The same BAI2 statement delivered again under another file name doubled the cash
/// (3,200.00 -> 6,400.00), renaming the source tripled it. A statement is now known by what it is (account, statement
/// id, date, balances, entries), a credit by its bank reference, value date and amount, not by file or source name.
/// </summary>
public sealed class BankStatementOnceTests
{
    /// <summary>A camt.053 statement: credits are (bank reference, amount, remittance).</summary>
    internal static string Camt053(string statementId, string date, decimal opening, params (string Reference, decimal Amount, string Remittance, bool Reversal, bool Debit)[] entries)
    {
        var closing = opening + entries.Sum(e => e.Debit ? -e.Amount : e.Amount);
        string Amount(decimal a) => a.ToString("0.00#", CultureInfo.InvariantCulture);
        var ntry = string.Concat(entries.Select(e => $"""
                  <Ntry><Amt Ccy="EUR">{Amount(e.Amount)}</Amt><CdtDbtInd>{(e.Debit ? "DBIT" : "CRDT")}</CdtDbtInd>{(e.Reversal ? "<RvslInd>true</RvslInd>" : "")}<Sts>BOOK</Sts>
                    <BookgDt><Dt>{date}</Dt></BookgDt><ValDt><Dt>{date}</Dt></ValDt><AcctSvcrRef>{e.Reference}</AcctSvcrRef>
                    <NtryDtls><TxDtls><Refs><AcctSvcrRef>{e.Reference}</AcctSvcrRef><EndToEndId>E2E-{e.Remittance}</EndToEndId></Refs><RmtInf><Ustrd>{e.Remittance}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
            """));
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
              <GrpHdr><MsgId>M-{statementId}</MsgId><CreDtTm>{date}T18:00:00</CreDtTm></GrpHdr>
              <Stmt><Id>{statementId}</Id>
                <Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>
                <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">{Amount(opening)}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>{date}</Dt></Dt></Bal>
                <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">{Amount(closing)}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>{date}</Dt></Dt></Bal>
            {ntry}
              </Stmt></BkToCstmrStmt></Document>
            """;
    }

    internal static (string Reference, decimal Amount, string Remittance, bool Reversal, bool Debit) Credit(string reference, decimal amount, string remittance) =>
        (reference, amount, remittance, false, false);

    private static SourcesConfig Config(TempWarehouse w, string sourceName)
    {
        var path = Path.Combine(w.Folder, "o2c.sources.json");
        File.WriteAllText(path, $$"""{ "sources": [ { "name": "{{sourceName}}", "kind": "camt053", "path": "bank/*.xml", "controlTotals": "reject" } ] }""");
        return SourcesConfig.Load(path);
    }

    private static decimal Cash(TempWarehouse w) => w.Warehouse.Scalar<decimal?>("SELECT sum(amount) FROM receipts") ?? 0m;

    [Fact]
    public void A_statement_delivered_again_under_another_name_or_through_a_renamed_source_counts_once()
    {
        using var w = new TempWarehouse();
        var bank = Directory.CreateDirectory(Path.Combine(w.Folder, "bank")).FullName;
        var statement = Camt053("STMT-0331", "2026-03-31", 1000m, Credit("BR1", 1200m, "INV-1"), Credit("BR2", 2000m, "INV-2"));
        File.WriteAllText(Path.Combine(bank, "stmt-0331.xml"), statement);
        new SourceExtractor(w.Warehouse).Run(Config(w, "bank"));
        Assert.Equal(3200.00m, Cash(w));

        // The bank sends it again under another name.
        File.WriteAllText(Path.Combine(bank, "stmt-0331-resent.xml"), statement);
        var again = new SourceExtractor(w.Warehouse).Run(Config(w, "bank"));
        Assert.Equal(3200.00m, Cash(w));
        Assert.Contains(again.Sources.Single().Warnings, m => m.StartsWith("stmt-0331-resent.xml: statement STMT-0331 of account DE89370400440532013000 as of 2026-03-31 was already loaded from stmt-0331.xml", StringComparison.Ordinal));

        // The source is renamed in the configuration: every file gets a new staged name, and still counts once.
        var renamed = new SourceExtractor(w.Warehouse).Run(Config(w, "main-bank"));
        Assert.Equal(3200.00m, Cash(w));
        Assert.Equal(2, renamed.Sources.Single().Warnings.Count);
        Assert.Equal(2, w.Count("receipts"));
    }

    [Fact]
    public void A_credit_reported_in_an_intraday_and_an_end_of_day_statement_counts_once_and_a_new_day_loads()
    {
        using var w = new TempWarehouse();
        var bank = Directory.CreateDirectory(Path.Combine(w.Folder, "bank")).FullName;
        File.WriteAllText(Path.Combine(bank, "intraday-0331.xml"), Camt053("INTRADAY-0331", "2026-03-31", 1000m, Credit("BR1", 1200m, "INV-1")));
        new SourceExtractor(w.Warehouse).Run(Config(w, "bank"));
        // The end-of-day statement repeats BR1 and adds BR2: another statement, one new credit.
        File.WriteAllText(Path.Combine(bank, "eod-0331.xml"), Camt053("EOD-0331", "2026-03-31", 1000m, Credit("BR1", 1200m, "INV-1"), Credit("BR2", 2000m, "INV-2")));
        var eod = new SourceExtractor(w.Warehouse).Run(Config(w, "bank"));
        Assert.Equal(3200.00m, Cash(w));
        Assert.Contains(eod.Sources.Single().Warnings, m => m.Contains("credit BR1 of 1200.00 EUR on 2026-03-31 was already loaded from receipts-bank-intraday-0331.csv", StringComparison.Ordinal));

        File.WriteAllText(Path.Combine(bank, "eod-0401.xml"), Camt053("EOD-0401", "2026-04-01", 4200m, Credit("BR3", 500m, "INV-3")));
        new SourceExtractor(w.Warehouse).Run(Config(w, "bank"));
        Assert.Equal(3700.00m, Cash(w));
        Assert.Equal(["EOD-0331", "EOD-0401", "INTRADAY-0331"], w.Warehouse.Query("SELECT statement_id FROM bank_statements ORDER BY 1", r => r.GetString(0)));
    }
}

/// <summary>
/// Issue 16: a camt.053 return/reversal (RvslInd) became a new customer receipt instead of cancelling one. A reversed
/// credit (DBIT, RvslInd true) takes back the payment with the same end-to-end id and amount; a reversed debit (CRDT,
/// RvslInd true: our own payment coming back) is no customer's payment.
/// </summary>
public sealed class BankReversalTests
{
    [Fact]
    public void A_returned_payment_cancels_the_credit_it_reverses_and_a_reversed_debit_is_no_receipt()
    {
        using var w = new TempWarehouse();
        var bank = Directory.CreateDirectory(Path.Combine(w.Folder, "bank")).FullName;
        // Opening 1,000.00; +1,200.00 (INV-1) +2,000.00 (INV-2) -1,200.00 (INV-1 returned, its own bank reference)
        // +300.00 (a supplier refund of our payment, reversed debit) = 3,300.00 closing.
        File.WriteAllText(Path.Combine(bank, "stmt-0331.xml"), BankStatementOnceTests.Camt053("STMT-0331", "2026-03-31", 1000m,
            BankStatementOnceTests.Credit("BR1", 1200m, "INV-1"), BankStatementOnceTests.Credit("BR2", 2000m, "INV-2"),
            ("BR9", 1200m, "INV-1", true, true), ("BR8", 300m, "SUPPLIER-REFUND", true, false)));
        var config = Path.Combine(w.Folder, "o2c.sources.json");
        File.WriteAllText(config, """{ "sources": [ { "name": "bank", "kind": "camt053", "path": "bank/*.xml" } ] }""");

        var result = new O2C.Analytics.Extract.SourceExtractor(w.Warehouse).Run(O2C.Analytics.Extract.Sources.SourcesConfig.Load(config));

        // Only INV-2's 2,000.00 was received and kept.
        Assert.Equal(["BR2:2000.000"], w.Warehouse.Query("SELECT bank_reference || ':' || amount FROM receipts", r => r.GetString(0)));
        Assert.Contains(result.Sources.Single().Warnings, m => m.Contains("reversal of 1200.00 EUR on 2026-03-31 cancels the credit on line", StringComparison.Ordinal));
    }

    /// <summary>A camt.053 source reading bank/*.xml beside the warehouse; Extract runs it once.</summary>
    private static string BankFolder(TempWarehouse w)
    {
        File.WriteAllText(Path.Combine(w.Folder, "o2c.sources.json"), """{ "sources": [ { "name": "bank", "kind": "camt053", "path": "bank/*.xml" } ] }""");
        return Directory.CreateDirectory(Path.Combine(w.Folder, "bank")).FullName;
    }

    private static O2C.Analytics.Extract.ExtractResult Extract(TempWarehouse w) =>
        new O2C.Analytics.Extract.SourceExtractor(w.Warehouse).Run(O2C.Analytics.Extract.Sources.SourcesConfig.Load(Path.Combine(w.Folder, "o2c.sources.json")));

    [Fact]
    public void A_return_in_a_later_statement_takes_back_the_receipt_loaded_before()
    {
        using var w = new TempWarehouse();
        var bank = BankFolder(w);
        // 31 March: +1,200.00 (INV-1, bank reference BR1) and +2,000.00 (INV-2). Loaded, 3,200.00 received.
        File.WriteAllText(Path.Combine(bank, "stmt-0331.xml"), BankStatementOnceTests.Camt053("STMT-0331", "2026-03-31", 1000m,
            BankStatementOnceTests.Credit("BR1", 1200m, "INV-1"), BankStatementOnceTests.Credit("BR2", 2000m, "INV-2")));
        Extract(w);
        Assert.Equal(3200.000m, w.Warehouse.Scalar<decimal>("SELECT sum(amount) FROM receipts"));

        // 2 April, another statement: INV-1's payment comes back (the bank's return, reversal of BR1, 1,200.00).
        File.WriteAllText(Path.Combine(bank, "stmt-0402.xml"), BankStatementOnceTests.Camt053("STMT-0402", "2026-04-02", 4200m,
            ("BR1", 1200m, "INV-1", true, true)));
        var result = Extract(w);

        // 3,200.00 - 1,200.00 = 2,000.00 received: the returned payment left receipts, its reject says why and where.
        Assert.Equal(["BR2:2000.000"], w.Warehouse.Query("SELECT bank_reference || ':' || amount FROM receipts", r => r.GetString(0)));
        Assert.Equal("reversed_by_bank: reversal in stmt-0402.xml line 10 on 2026-04-02", w.Warehouse.Scalar<string>(
            "SELECT reason_code || ': ' || raw_value FROM rejects WHERE file_name = 'receipts-bank-stmt-0331.csv'"));
        Assert.Contains(result.Sources.Single().Warnings, m => m.Contains("takes back receipt", StringComparison.Ordinal));

        // Extracting again changes nothing: the return is counted once.
        Extract(w);
        Assert.Equal(2000.000m, w.Warehouse.Scalar<decimal>("SELECT sum(amount) FROM receipts"));
    }

    [Fact]
    public void A_return_extracted_before_the_statement_with_its_credit_takes_it_back_when_that_arrives()
    {
        using var w = new TempWarehouse();
        var bank = BankFolder(w);
        File.WriteAllText(Path.Combine(bank, "stmt-0402.xml"), BankStatementOnceTests.Camt053("STMT-0402", "2026-04-02", 4200m,
            ("BR1", 1200m, "INV-1", true, true)));
        var first = Extract(w);
        Assert.Contains(first.Sources.Single().Warnings, m => m.Contains("matches no receipt yet", StringComparison.Ordinal));

        // The 31 March statement is delivered late: +1,200.00 (BR1, returned on 2 April) +2,000.00 = 2,000.00 kept.
        File.WriteAllText(Path.Combine(bank, "stmt-0331.xml"), BankStatementOnceTests.Camt053("STMT-0331", "2026-03-31", 1000m,
            BankStatementOnceTests.Credit("BR1", 1200m, "INV-1"), BankStatementOnceTests.Credit("BR2", 2000m, "INV-2")));
        Extract(w);

        Assert.Equal(["BR2:2000.000"], w.Warehouse.Query("SELECT bank_reference || ':' || amount FROM receipts", r => r.GetString(0)));
    }
    [Fact]
    public void Two_returns_of_the_same_reference_and_amount_take_back_two_receipts_not_one_twice()
    {
        using var w = new TempWarehouse();
        var bank = BankFolder(w);
        // Found in review: both returns took the latest receipt, and the earlier one still counted as cash.
        // 1 March: two payments of 100.00 for INV-1 (end-to-end id E2E-INV-1), bank references BR1 and BR2.
        File.WriteAllText(Path.Combine(bank, "stmt-0301.xml"), BankStatementOnceTests.Camt053("STMT-0301", "2026-03-01", 0m,
            BankStatementOnceTests.Credit("BR1", 100m, "INV-1"), BankStatementOnceTests.Credit("BR2", 100m, "INV-1")));
        // And one of 100.00 for INV-10 (E2E-INV-10), which a return of E2E-INV-1 must not touch.
        File.WriteAllText(Path.Combine(bank, "stmt-0302.xml"), BankStatementOnceTests.Camt053("STMT-0302", "2026-03-02", 200m,
            BankStatementOnceTests.Credit("BR3", 100m, "INV-10")));
        Extract(w);
        // 5 March: both INV-1 payments come back.
        File.WriteAllText(Path.Combine(bank, "stmt-0305.xml"), BankStatementOnceTests.Camt053("STMT-0305", "2026-03-05", 300m,
            ("RV1", 100m, "INV-1", true, true), ("RV2", 100m, "INV-1", true, true)));
        Extract(w);

        // 300.00 received - 2 x 100.00 returned = 100.00: INV-10's payment alone.
        Assert.Equal(["BR3:100.000"], w.Warehouse.Query("SELECT bank_reference || ':' || amount FROM receipts", r => r.GetString(0)));
    }

    [Fact]
    public void A_corrected_statement_that_only_adds_a_return_takes_the_receipt_back()
    {
        using var w = new TempWarehouse();
        var bank = BankFolder(w);
        File.WriteAllText(Path.Combine(bank, "stmt-0331.xml"), BankStatementOnceTests.Camt053("STMT-0331", "2026-03-31", 0m,
            BankStatementOnceTests.Credit("BR1", 1200m, "INV-1")));
        File.WriteAllText(Path.Combine(bank, "stmt-0402.xml"), BankStatementOnceTests.Camt053("STMT-0402", "2026-04-02", 1200m,
            BankStatementOnceTests.Credit("BR5", 50m, "INV-5")));
        Extract(w);
        Assert.Equal(1250.000m, w.Warehouse.Scalar<decimal>("SELECT sum(amount) FROM receipts"));

        // Found in review: the bank corrects the 2 April statement, adding the return of BR1. Its credits (BR5) are
        // unchanged, so the staged receipts file is too, and receipts were not rebuilt.
        File.WriteAllText(Path.Combine(bank, "stmt-0402.xml"), BankStatementOnceTests.Camt053("STMT-0402", "2026-04-02", 1200m,
            BankStatementOnceTests.Credit("BR5", 50m, "INV-5"), ("BR1", 1200m, "INV-1", true, true)));
        Extract(w);

        Assert.Equal(["BR5:50.000"], w.Warehouse.Query("SELECT bank_reference || ':' || amount FROM receipts", r => r.GetString(0)));
    }
}

/// <summary>Issue 16: a camt.053 nested 200,000 deep (2.8 MB, no DTD) took 91 s to refuse while holding the warehouse.</summary>
public sealed class PathologicalStatementTests
{
    [Fact]
    public void A_statement_nested_200000_deep_is_refused_at_once_naming_the_depth()
    {
        var deep = new System.Text.StringBuilder("<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt>");
        for (var i = 0; i < 200_000; i++) deep.Append("<a>");
        for (var i = 0; i < 200_000; i++) deep.Append("</a>");
        deep.Append("</BkToCstmrStmt></Document>");
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(deep.ToString()));
        Assert.True(stream.Length > 1_400_000);

        var error = Assert.Throws<O2C.Analytics.Extract.Bank.BankFormatException>(() => O2C.Analytics.Extract.Bank.Camt053.Camt053Reader.Parse("deep.xml", stream));

        // Refused by the streaming pass at element 65, before any tree is built (the time is in docs/reliability.md).
        Assert.Equal("deep.xml: line 1: elements nested more than 64 deep; a bank statement is never nested so deep", error.Message);
    }

    [Fact]
    public void Statements_are_read_before_the_warehouse_is_opened_and_the_extract_loads_what_was_read()
    {
        var folder = Directory.CreateTempSubdirectory("o2c-bankread-").FullName;
        try
        {
            var bank = Directory.CreateDirectory(Path.Combine(folder, "bank")).FullName;
            var deep = "<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">" + string.Concat(Enumerable.Repeat("<a>", 100)) + string.Concat(Enumerable.Repeat("</a>", 100)) + "</Document>";
            File.WriteAllText(Path.Combine(bank, "stmt-0331.xml"), deep);
            File.WriteAllText(Path.Combine(bank, "stmt-0401.xml"), BankStatementOnceTests.Camt053("STMT-0401", "2026-04-01", 0m, BankStatementOnceTests.Credit("BR7", 700m, "INV-7")));
            var config = Path.Combine(folder, "o2c.sources.json");
            File.WriteAllText(config, """{ "sources": [ { "name": "bank", "kind": "camt053", "path": "bank/*.xml" } ] }""");
            var sources = O2C.Analytics.Extract.Sources.SourcesConfig.Load(config);

            // No warehouse exists yet: reading needs none.
            var read = O2C.Analytics.Extract.BankFilesRead.Read(sources);

            // The deep file is then replaced by a valid one: the extract stages what was read and checked, not the new file.
            File.WriteAllText(Path.Combine(bank, "stmt-0331.xml"), BankStatementOnceTests.Camt053("STMT-0331", "2026-03-31", 0m, BankStatementOnceTests.Credit("BR1", 100m, "INV-1")));
            using var w = new TempWarehouse();
            var result = new O2C.Analytics.Extract.SourceExtractor(w.Warehouse).Run(sources, statements: read);

            Assert.Equal(["stmt-0331.xml: line 1: elements nested more than 64 deep; a bank statement is never nested so deep"], result.Sources.Single().FilesRejected);
            Assert.Equal(["BR7:700.000"], w.Warehouse.Query("SELECT bank_reference || ':' || amount FROM receipts", r => r.GetString(0)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
