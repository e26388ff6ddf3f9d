using System.IO.Compression;
using System.Text;
using O2C.Analytics.Extract;
using O2C.Analytics.Extract.Bank;
using O2C.Analytics.Extract.Bank.Camt053;
using O2C.Analytics.Extract.Sources;
using O2C.Analytics.Extract.Tabular;
using O2C.Analytics.Load;
using O2C.Analytics.Tests.Support;
using static O2C.Analytics.Tests.Support.CanonicalFiles;

namespace O2C.Analytics.Tests.Hostile;

/// <summary>
/// Files built to hurt: entity tricks in XML, a 2 GB CSV line, an .xlsx that inflates to gigabytes, an oversized
/// statement. Each is refused with one line, within a memory bound (bytes allocated by the refusing thread), and the
/// warehouse is as it was.
/// </summary>
public sealed class HostileInputTests
{
    private const long MemoryBound = 64L * 1024 * 1024;

    [Theory]
    [InlineData("xxe-file", """<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>&x;</BkToCstmrStmt></Document>""")]
    [InlineData("xxe-http", """<!DOCTYPE d [<!ENTITY x SYSTEM "http://127.0.0.1:9/steal">]><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>&x;</BkToCstmrStmt></Document>""")]
    [InlineData("parameter-entity", """<!DOCTYPE d [<!ENTITY % p SYSTEM "file:///etc/hostname"> %p;]><Document/>""")]
    [InlineData("quadratic-blowup", """<!DOCTYPE d [<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">]><Document>&a;&a;&a;&a;&a;&a;&a;&a;</Document>""")]
    [InlineData("billion-laughs", """<!DOCTYPE l [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;"><!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">]><Document>&i;</Document>""")]
    public void Camt053_with_a_dtd_of_any_kind_is_refused_before_any_entity_is_resolved(string name, string xml)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<BankFormatException>(() => Camt053Reader.Parse($"{name}.xml", new MemoryStream(Encoding.UTF8.GetBytes(xml))));
        Assert.Matches($"^{name}\\.xml: line [01]: not well-formed or not allowed XML: ", error.Message);
        Assert.Contains("DTD", error.Message);
        Assert.DoesNotContain("root:", error.Message); // nothing of /etc/passwd
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - allocated, 0, MemoryBound);
    }

    [Fact]
    public void A_csv_with_a_2_gb_line_fails_the_load_with_one_line_having_read_2_mib_and_loads_nothing()
    {
        using var w = new TempWarehouse();
        w.Write("customers.csv", Customers, Customer("C1"));
        new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources);
        // A sparse file: the header, one line of 2 GB (NUL bytes cost no disk), no line break.
        var path = Path.Combine(w.Sources, "documents.csv");
        using (var file = File.Create(path))
        {
            file.Write(Encoding.UTF8.GetBytes(Documents + "\nINV-1,invoice,C1,"));
            file.SetLength(2L * 1024 * 1024 * 1024 + 7);
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<LoadFailedException>(() => new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources));
        Assert.Equal("load failed, nothing was loaded: documents.csv: the record starting on line 2 is longer than 2 MiB (an unclosed quote or a corrupt file)", error.Message);
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - allocated, 0, MemoryBound);
        Assert.Equal(1, w.Count("customers"));
        Assert.Equal(0, w.Count("documents"));
        Assert.Equal(1, w.Count("loads"));
    }

    [Fact]
    public void A_bank_statement_over_the_size_bound_is_refused_unread()
    {
        var folder = Directory.CreateTempSubdirectory("o2c-big-").FullName;
        try
        {
            var path = Path.Combine(folder, "huge.xml");
            using (var file = File.Create(path)) file.SetLength(2L * 1024 * 1024 * 1024);
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            foreach (var kind in new[] { SourceKind.Camt053, SourceKind.Bai2, SourceKind.Mt940 })
            {
                var error = Assert.Throws<BankFormatException>(() => BankStatementReader.Read(kind, path));
                Assert.Equal("huge.xml: line 0: the file is 2,048 MiB; statements over 256 MiB are refused (split it by day or account)", error.Message);
            }
            Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - allocated, 0, MemoryBound);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void An_xlsx_that_inflates_to_gigabytes_is_rejected_with_one_line_and_the_other_sources_still_load()
    {
        using var w = new TempWarehouse();
        var exports = Directory.CreateDirectory(Path.Combine(w.Folder, "erp")).FullName;
        // A zip bomb shaped like a workbook: 2 GiB of spaces in the first sheet compress to about 20 MB.
        var bomb = Path.Combine(exports, "customers-bomb.xlsx");
        using (var zip = ZipFile.Open(bomb, ZipArchiveMode.Create))
        {
            Add(zip, "[Content_Types].xml", """<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>""");
            var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest);
            using var s = sheet.Open();
            var spaces = new byte[1 << 20];
            Array.Fill(spaces, (byte)' ');
            for (var i = 0; i < 2048; i++) s.Write(spaces);
        }
        Assert.InRange(new FileInfo(bomb).Length, 1, 32L * 1024 * 1024); // about 20 MB at the fastest compression
        var csv = Path.Combine(exports, "customers.csv");
        File.WriteAllLines(csv, [Customers, Customer("C1")]);
        var config = Path.Combine(w.Folder, "o2c.sources.json");
        var columns = string.Join(", ", Customers.Split(',').Select(c => $"\"{c}\": \"{c}\""));
        File.WriteAllText(config, $$"""
            { "sources": [
              { "name": "erp-xlsx", "kind": "xlsx", "entity": "customers", "path": "erp/*.xlsx", "columns": { {{columns}} } },
              { "name": "erp-csv", "kind": "csv", "entity": "customers", "path": "erp/*.csv", "columns": { {{columns}} } } ] }
            """);

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var result = new SourceExtractor(w.Warehouse).Run(SourcesConfig.Load(config));
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - allocated, 0, MemoryBound);

        var xlsx = result.Sources.Single(s => s.Source == "erp-xlsx");
        Assert.Equal("customers-bomb.xlsx: expands to more than 512 MiB (2,048 MiB seen); refused (export it as CSV)", Assert.Single(xlsx.FilesRejected));
        Assert.Equal(1, w.Count("customers"));
    }

    [Fact]
    public void A_corrupt_xlsx_is_rejected_with_one_line()
    {
        using var w = new TempWarehouse();
        var exports = Directory.CreateDirectory(Path.Combine(w.Folder, "erp")).FullName;
        File.WriteAllBytes(Path.Combine(exports, "customers.xlsx"), Encoding.UTF8.GetBytes("PK\u0003\u0004 this is not a workbook"));
        var config = Path.Combine(w.Folder, "o2c.sources.json");
        File.WriteAllText(config, """{ "sources": [ { "name": "erp", "kind": "xlsx", "entity": "customers", "path": "erp/*.xlsx" } ] }""");
        var report = Assert.Single(new SourceExtractor(w.Warehouse).Run(SourcesConfig.Load(config)).Sources);
        Assert.StartsWith("customers.xlsx: not a readable .xlsx (zip) file: ", Assert.Single(report.FilesRejected));
        Assert.Equal(0, w.Count("customers"));
    }

    [Fact]
    public void A_zip_without_a_workbook_part_is_rejected_with_one_line()
    {
        // Found by XlsxSourceFuzzTests: one flipped bit made ClosedXML's package reader throw OpenXmlPackageException,
        // a type outside the list then caught.
        using var w = new TempWarehouse();
        var exports = Directory.CreateDirectory(Path.Combine(w.Folder, "erp")).FullName;
        using (var zip = ZipFile.Open(Path.Combine(exports, "customers.xlsx"), ZipArchiveMode.Create))
        {
            Add(zip, "[Content_Types].xml", """<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>""");
            Add(zip, "xl/worksheets/sheet1.xml", """<?xml version="1.0"?><worksheet/>""");
        }
        var config = Path.Combine(w.Folder, "o2c.sources.json");
        File.WriteAllText(config, """{ "sources": [ { "name": "erp", "kind": "xlsx", "entity": "customers", "path": "erp/*.xlsx" } ] }""");
        var report = Assert.Single(new SourceExtractor(w.Warehouse).Run(SourcesConfig.Load(config)).Sources);
        Assert.StartsWith("customers.xlsx: not a readable workbook (", Assert.Single(report.FilesRejected));
    }

    [Fact]
    public void An_export_without_a_mapped_column_is_rejected_with_one_line_and_the_others_load()
    {
        // Found by XlsxSourceFuzzTests: a mutated header cell left the mapping's column missing: a SQL binder error.
        using var w = new TempWarehouse();
        var exports = Directory.CreateDirectory(Path.Combine(w.Folder, "erp")).FullName;
        File.WriteAllLines(Path.Combine(exports, "a-customers.csv"), [Customers, Customer("C1")]);
        File.WriteAllLines(Path.Combine(exports, "b-customers.csv"), [Customers.Replace("bpo_team", "team", StringComparison.Ordinal), Customer("C2")]);
        var columns = string.Join(", ", Customers.Split(',').Select(c => $"\"{c}\": \"{c}\""));
        var config = Path.Combine(w.Folder, "o2c.sources.json");
        File.WriteAllText(config, $$"""{ "sources": [ { "name": "erp", "kind": "csv", "entity": "customers", "path": "erp/*.csv", "columns": { {{columns}} } } ] }""");
        var report = Assert.Single(new SourceExtractor(w.Warehouse).Run(SourcesConfig.Load(config)).Sources);
        Assert.Equal("b-customers.csv: column bpo_team named by source erp's mapping is not in the file", Assert.Single(report.FilesRejected));
        Assert.Equal(1, w.Count("customers"));
    }

    private static void Add(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open());
        writer.Write(text);
    }
}
