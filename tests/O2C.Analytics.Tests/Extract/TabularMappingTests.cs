using ClosedXML.Excel;
using O2C.Analytics.Extract;
using O2C.Analytics.Extract.Sources;
using O2C.Analytics.Tests.Support;

namespace O2C.Analytics.Tests.Extract;

/// <summary>Mapping files adapt any export without code: formats, separators, maps, defaults, Excel.</summary>
public class TabularMappingTests
{
    private static SourcesConfig Config(TempWarehouse w, string json)
    {
        var path = Path.Combine(w.Folder, "o2c.sources.json");
        File.WriteAllText(path, json);
        return SourcesConfig.Load(path);
    }

    [Fact]
    public void Every_date_format_and_amount_convention_becomes_canonical()
    {
        using var w = new TempWarehouse();
        Directory.CreateDirectory(Path.Combine(w.Folder, "in"));
        File.WriteAllText(Path.Combine(w.Folder, "in", "items.csv"), string.Join("\n",
            "id|cust|iso|us|float|serial|amount",
            "A1|C1|2026-01-31|01/31/2026|20260131.0|46053|1 234.50",
            "A2|C1|2026-02-28|2/28/2026|20260228.0|46081|99.00-") + "\n");
        w.Write("customers.csv", CanonicalFiles.Customers, CanonicalFiles.Customer("C1"));
        new O2C.Analytics.Load.CanonicalLoader(w.Warehouse).LoadFolder(w.Sources);
        string Source(string dateColumn, string format) => $$"""
            { "name": "{{dateColumn}}", "kind": "csv", "entity": "documents", "path": "in/items.csv",
              "csv": { "delimiter": "|", "thousandsSeparator": " " }, "sign": { "mode": "negative-is-credit" },
              "columns": { "document_id": "id", "customer_id": "cust", "document_type": { "constant": "invoice" },
                           "document_date": { "column": "{{dateColumn}}", "format": "{{format}}" },
                           "due_date": { "column": "{{dateColumn}}", "format": "{{format}}" },
                           "amount": "amount", "currency_code": { "constant": "USD" } } }
            """;
        foreach (var (column, format) in new[] { ("iso", "yyyy-MM-dd"), ("us", "M/d/yyyy"), ("float", "yyyyMMdd.0"), ("serial", "excel") })
        {
            w.Warehouse.Execute("DELETE FROM documents; DELETE FROM load_files; DELETE FROM rejects");
            new SourceExtractor(w.Warehouse).Run(Config(w, $$"""{ "sources": [ {{Source(column, format)}} ] }"""));
            // "99.00-" (a trailing minus, as SAP writes credits) is a credit memo of 99.00.
            Assert.Equal(["A1:invoice:2026-01-31:1234.500", "A2:credit_memo:2026-02-28:99.000"], w.Warehouse.Query(
                "SELECT document_id || ':' || document_type || ':' || strftime(document_date, '%Y-%m-%d') || ':' || amount FROM documents ORDER BY 1", r => r.GetString(0)));
        }
    }

    [Fact]
    public void An_excel_source_maps_like_a_csv_one_and_formula_text_stays_text()
    {
        using var w = new TempWarehouse();
        var xlsx = Path.Combine(w.Folder, "customers.xlsx");
        using (var book = new XLWorkbook())
        {
            var sheet = book.Worksheets.Add("Kunden");
            string[] header = ["Account", "Name", "Terms", "Limit", "Since"];
            for (var c = 0; c < header.Length; c++) sheet.Cell(1, c + 1).SetValue(header[c]);
            sheet.Cell(2, 1).SetValue("K1"); sheet.Cell(2, 2).SetValue("=HYPERLINK(\"http://x\",\"y\")"); sheet.Cell(2, 3).SetValue(30);
            sheet.Cell(2, 4).SetValue(25000.5); sheet.Cell(2, 5).SetValue(new DateTime(2024, 5, 1));
            sheet.Cell(3, 1).SetValue("K2"); sheet.Cell(3, 2).SetValue("Beta AG"); sheet.Cell(3, 3).SetValue(45);
            book.SaveAs(xlsx);
        }
        var result = new SourceExtractor(w.Warehouse).Run(Config(w, """
            { "sources": [ { "name": "erp", "kind": "xlsx", "entity": "customers", "path": "customers.xlsx",
              "columns": { "customer_id": "Account", "customer_name": "Name", "payment_terms_days": "Terms", "credit_limit": "Limit",
                           "currency_code": { "constant": "EUR" } },
              "defaults": { "segment": "SMB", "region": "EMEA", "country_code": "DE", "risk_class": "B", "e_invoicing": "false" } } ] }
            """));
        Assert.Equal(0, result.Sources.Single().RowsRejected);
        Assert.Equal(["K1|=HYPERLINK(\"http://x\",\"y\")|30|25000.500", "K2|Beta AG|45|"], w.Warehouse.Query(
            "SELECT customer_id || '|' || customer_name || '|' || payment_terms_days || '|' || coalesce(CAST(credit_limit AS VARCHAR), '') FROM customers ORDER BY 1",
            r => r.GetString(0)));
    }
}

public class TabularEncodingTests
{
    [Fact]
    public void A_latin1_export_with_document_type_codes_maps_through_encoding_and_a_value_map()
    {
        using var w = new TempWarehouse();
        w.Write("customers.csv", CanonicalFiles.Customers, CanonicalFiles.Customer("K1", "EUR", "EMEA"));
        new O2C.Analytics.Load.CanonicalLoader(w.Warehouse).LoadFolder(w.Sources);
        Directory.CreateDirectory(Path.Combine(w.Folder, "in"));
        File.WriteAllBytes(Path.Combine(w.Folder, "in", "belege.csv"), System.Text.Encoding.Latin1.GetBytes(string.Join("\n",
            "Beleg;Art;Kunde;Datum;Fällig;Betrag;Text",
            "9001;RV;K1;01.10.2026;31.10.2026;100,00;Müller Straße",
            "9002;DG;K1;05.10.2026;05.10.2026;20,00;Gutschrift für 9001") + "\n"));
        var path = Path.Combine(w.Folder, "o2c.sources.json");
        File.WriteAllText(path, """
            { "sources": [ { "name": "sap", "kind": "csv", "entity": "documents", "path": "in/belege.csv",
              "csv": { "delimiter": ";", "decimalSeparator": ",", "thousandsSeparator": ".", "encoding": "latin-1" },
              "columns": { "document_id": "Beleg", "document_type": { "column": "Art", "map": { "RV": "invoice", "DG": "credit_memo" } },
                           "customer_id": "Kunde", "document_date": { "column": "Datum", "format": "dd.MM.yyyy" },
                           "due_date": { "column": "Fällig", "format": "dd.MM.yyyy" }, "amount": "Betrag",
                           "currency_code": { "constant": "EUR" } } } ] }
            """);
        var result = new SourceExtractor(w.Warehouse).Run(SourcesConfig.Load(path));
        Assert.Equal(0, result.Sources.Single().RowsRejected);
        Assert.Equal(["9001|invoice|100.000", "9002|credit_memo|20.000"], w.Warehouse.Query(
            "SELECT document_id || '|' || document_type || '|' || amount FROM documents ORDER BY 1", r => r.GetString(0)));
    }
}
