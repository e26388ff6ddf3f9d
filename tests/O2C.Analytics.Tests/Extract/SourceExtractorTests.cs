using System.Text;
using O2C.Analytics.Extract;
using O2C.Analytics.Extract.Sources;
using O2C.Analytics.Metrics;
using O2C.Analytics.Pipeline;
using O2C.Analytics.Tests.Support;
using O2C.Analytics.Storage;

namespace O2C.Analytics.Tests.Extract;

public class SourceExtractorTests
{
    [SharedDataFact]
    public void Ibm_accounts_receivable_loads_through_its_mapping_alone_and_gets_kpis_for_every_month()
    {
        using var w = new TempWarehouse();
        var config = SourcesConfig.Load(Path.Combine(RepoPaths.DataSamples, "sources", "ibm-accounts-receivable.json"));
        var result = new SourceExtractor(w.Warehouse).Run(config);

        var report = Assert.Single(result.Sources);
        Assert.Equal((1, 1, 0), (report.FilesSeen, report.FilesLoaded, report.FilesUnchanged));
        // PROVENANCE: 2,466 invoices, 100 customers, every invoice settled.
        Assert.Equal(2466, w.Count("documents"));
        Assert.Equal(100, w.Count("customers"));
        Assert.Equal(2466, w.Count("receipts"));
        Assert.Equal(2466, w.Count("applications"));
        Assert.Equal(0, report.RowsRejected);
        var disputed = File.ReadLines(Path.Combine(RepoPaths.Shared!, "datasets", "ibm-accounts-receivable", "WA_Fn-UseC_-Accounts-Receivable.csv"))
            .Skip(1).Count(l => l.Split(',')[7] == "Yes");
        Assert.Equal(disputed, w.Count("disputes"));
        Assert.Equal(new DateOnly(2012, 1, 3), w.Warehouse.Scalar<DateOnly>("SELECT min(document_date) FROM documents"));
        Assert.Equal(new DateOnly(2014, 1, 9), w.Warehouse.Scalar<DateOnly>("SELECT max(application_date) FROM applications"));

        WarehouseRefresh.Run(w.Warehouse, SqlFolder.Default(), "USD");
        // Invoices January 2012 - December 2013, settlements to January 2014: 25 months; DSO from the third.
        var dso = KpiValueReader.Read(w.Warehouse).Where(v => v.KpiId == "dso").ToList();
        Assert.Equal(25, dso.Count);
        Assert.All(dso.Skip(2).SkipLast(1), v => Assert.InRange(v.Value!.Value, 5m, 80m));
        Assert.Equal(0m, dso[^1].Value); // January 2014: every invoice has settled, nothing is open
        Assert.Equal(25, KpiValueReader.Read(w.Warehouse).Count(v => v.KpiId == "avg_days_late"));
    }

    [SharedDataFact]
    public void A_second_extract_loads_nothing_and_a_new_statement_file_loads_alone()
    {
        using var w = new TempWarehouse();
        var bank = Directory.CreateDirectory(Path.Combine(w.Folder, "bank")).FullName;
        var samples = Path.Combine(RepoPaths.Shared!, "bankfiles", "mt940");
        File.Copy(Path.Combine(samples, "mBank-mt940.sta"), Path.Combine(bank, "mBank-mt940.sta"));
        var configPath = Path.Combine(w.Folder, "o2c.sources.json");
        File.WriteAllText(configPath, """{ "sources": [ { "name": "bank", "kind": "mt940", "path": "bank/*.sta" } ] }""");
        var config = SourcesConfig.Load(configPath);

        var first = Assert.Single(new SourceExtractor(w.Warehouse).Run(config).Sources);
        Assert.Equal((1, 1, 3L), (first.FilesSeen, first.FilesLoaded, first.RowsLoaded)); // 3 credits in mBank-mt940.sta
        var second = Assert.Single(new SourceExtractor(w.Warehouse).Run(config).Sources);
        Assert.Equal((1, 0, 1, 0L), (second.FilesSeen, second.FilesLoaded, second.FilesUnchanged, second.RowsLoaded));

        File.Copy(Path.Combine(samples, "betterplace-sepa_mt9401.sta"), Path.Combine(bank, "betterplace-sepa_mt9401.sta"));
        var third = new SourceExtractor(w.Warehouse).Run(config);
        var report = Assert.Single(third.Sources);
        Assert.Equal((2, 1, 1, 24L), (report.FilesSeen, report.FilesLoaded, report.FilesUnchanged, report.RowsLoaded)); // 41 credits, 17 of them returns (GVC 159)
        Assert.Equal(["loaded", "unchanged"], third.Load!.Files.OrderBy(f => f.Status).Select(f => f.Status.ToString().ToLowerInvariant()));
        Assert.Equal(27, w.Count("receipts")); // 3 + 24
    }

    [SharedDataFact]
    public void Every_public_bank_file_is_read_invalid_ones_rejected_with_their_message()
    {
        using var w = new TempWarehouse();
        var config = SourcesConfig.Load(Path.Combine(RepoPaths.DataSamples, "sources", "bank-statements.example.json"));
        var result = new SourceExtractor(w.Warehouse).Run(config);
        var bai2 = result.Sources.Single(s => s.Source == "bank-bai2");
        var camt = result.Sources.Single(s => s.Source == "bank-camt");
        var mt940 = result.Sources.Single(s => s.Source == "bank-mt940");
        // BAI2 sample1-5: 5 + 4 + 13 + 5 + 7 credits (sample4 and 5 each have 4 returns more: 255, 257, 261, 266, no
        // customer's payment); but sample5-issue113.txt is sample4 again (the same group of 2023-09-06, its statements
        // for accounts 107049924 and 107049932 identical in id, date, balances and entries): those are skipped, and of
        // account 104108339's credits only the ones sample4 lacks load. 34 -> 29 (before the returns: 42 -> 33).
        // camt: 10 readable files with one credit each, but v2.minimal, v3 and v8 repeat v2.minimal.ultimate's statement
        // 253EURNL26VAYB8060476890 (the parsers' suites reuse one statement per schema version): 6. MT940: 13 readable
        // files, of which betterplace-sepa_snippet.sta's 5 credits are betterplace-sepa_mt9401.sta's again (below).
        Assert.Equal(29L, bai2.RowsLoaded);
        Assert.Equal(2, bai2.Warnings.Count(m => m.StartsWith("sample5-issue113.txt: statement 20230906-1070499", StringComparison.Ordinal)));
        Assert.Equal(6L, camt.RowsLoaded);
        // MT940: 24 + 5 + 7 + 2 + 2 + 3 + 3 credits (betterplace's 17 and 3 returned transfers, GVC 159, are no
        // payments), of which cmxl-mt940.sta's 4 in DEM (withdrawn in 2002) are rejected rows and the snippet's 5 repeat
        // mt9401's: 37 loaded (54 before the returns).
        Assert.Equal((37L, 4L), (mt940.RowsLoaded, mt940.RowsRejected));
        Assert.Equal("receipts-bank-mt940-cmxl-mt940.csv:unknown_currency:4", string.Join(",", result.Load!.RejectReasons.Select(r => $"{r.FileName}:{r.ReasonCode}:{r.Count}")));
        Assert.Equal(["camt053.v2.wrong.xml: line 3: the file holds no statement (Stmt)"], camt.FilesRejected);
        Assert.Equal(2, mt940.FilesRejected.Count); // february_30 and invalid_statement
        Assert.Contains(bai2.Warnings, m => m.Contains("account 107049932 control total"));
        var letter = w.Warehouse.Scalar<string>("SELECT remittance_text FROM receipts WHERE amount = 200000.00");
        Assert.Equal("YRC065321 PROCEEDS OF LETTER OF CREDIT FROM THE ARAMCO OIL CO", letter);
    }

    [SharedDataFact]
    public void By_default_a_statement_whose_totals_fail_is_rejected_and_loads_nothing()
    {
        using var w = new TempWarehouse();
        var bank = Directory.CreateDirectory(Path.Combine(w.Folder, "bank")).FullName;
        File.Copy(Path.Combine(RepoPaths.Shared!, "bankfiles", "mt940", "jejik-ing.sta"), Path.Combine(bank, "jejik-ing.sta"));
        var configPath = Path.Combine(w.Folder, "o2c.sources.json");
        File.WriteAllText(configPath, """{ "sources": [ { "name": "bank", "kind": "mt940", "path": "bank/*.sta" } ] }""");
        var report = Assert.Single(new SourceExtractor(w.Warehouse).Run(SourcesConfig.Load(configPath)).Sources);
        Assert.StartsWith("jejik-ing.sta: line 26: statement MPBZ opening balance + lines = closing balance: the file says 3.47, the entries add up to -45.59", Assert.Single(report.FilesRejected));
        Assert.Equal(0, w.Count("receipts"));
    }

    [Fact]
    public void German_sap_export_loads_through_a_mapping_file_without_code()
    {
        using var w = new TempWarehouse();
        var exports = Directory.CreateDirectory(Path.Combine(w.Folder, "exports")).FullName;
        File.WriteAllText(Path.Combine(exports, "fbl5n_2026-10.csv"), string.Join("\n",
            "Kunde;Name 1;Belegnummer;Belegdatum;Nettofälligkeit;Betrag in HW;Währung;S/H;Referenz;Ausgleichsdatum;Strittig",
            "100200;Müller GmbH;1800001;01.09.2026;01.10.2026;1.234,56;EUR;S;;05.10.2026;",
            "100200;Müller GmbH;1800002;15.09.2026;15.10.2026;12.000,00;EUR;S;;;X",
            "100300;Schmidt AG;1800003;20.09.2026;20.10.2026;99,90;EUR;S;;;",
            "100200;Müller GmbH;1700009;25.09.2026;25.09.2026;200,00-;EUR;H;1800002;;",
            "100300;Schmidt AG;1800004;31.09.2026;31.10.2026;10,00;EUR;S;;;") + "\n", new UTF8Encoding(false));
        var config = File.ReadAllText(Path.Combine(RepoPaths.DataSamples, "sources", "sap-fbl5n-german.example.json"));
        File.WriteAllText(Path.Combine(w.Folder, "o2c.sources.json"), config);

        var result = new SourceExtractor(w.Warehouse).Run(SourcesConfig.Load(Path.Combine(w.Folder, "o2c.sources.json")));

        Assert.Equal(
            ["1700009|credit_memo|100200|2026-09-25|200.000|EUR|1800002", "1800001|invoice|100200|2026-09-01|1234.560|EUR|",
             "1800002|invoice|100200|2026-09-15|12000.000|EUR|", "1800003|invoice|100300|2026-09-20|99.900|EUR|"],
            w.Warehouse.Query("""
                SELECT document_id || '|' || document_type || '|' || customer_id || '|' || strftime(document_date, '%Y-%m-%d') || '|'
                       || amount || '|' || currency_code || '|' || coalesce(corrects_document_id, '')
                FROM documents ORDER BY document_id
                """, r => r.GetString(0)));
        // 31.09.2026 does not exist: that row is rejected on its line with its raw text.
        Assert.Equal("documents-sap-de-fbl5n_2026-10.csv:6:unparseable_date:31.09.2026", w.Warehouse.Scalar<string>(
            "SELECT file_name || ':' || line_number || ':' || reason_code || ':' || raw_value FROM rejects WHERE column_name = 'document_date'"));
        Assert.Equal("Müller GmbH", w.Warehouse.Scalar<string>("SELECT customer_name FROM customers WHERE customer_id = '100200'"));
        Assert.Equal("1800002", w.Warehouse.Scalar<string>("SELECT document_id FROM disputes")); // the X
        Assert.Equal("2026-10-05|1234.560", w.Warehouse.Scalar<string>("SELECT strftime(value_date, '%Y-%m-%d') || '|' || amount FROM receipts"));
        Assert.Equal(1, result.Sources.Single().RowsRejected);
    }
}
