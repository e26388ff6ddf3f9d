using System.IO.Compression;
using ClosedXML.Excel;
using CsCheck;
using O2C.Analytics.Extract;
using O2C.Analytics.Extract.Sources;
using O2C.Analytics.Extract.Tabular;
using O2C.Analytics.Tests.Support;
using Xunit.Abstractions;

namespace O2C.Analytics.Tests.Fuzz;

/// <summary>
/// Property-based fuzzing of the Excel source path (zip, workbook XML, ClosedXML, the mapping to canonical CSV): a
/// mutated workbook is staged or rejected with one line (UnreadableSourceFileException); nothing else escapes. Half the
/// cases mutate the sheet's XML inside a valid zip, where a parser is reached; half mutate the file's bytes.
/// </summary>
public sealed class XlsxSourceFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void Mutated_workbooks_are_staged_or_rejected_with_one_line()
    {
        var folder = Directory.CreateTempSubdirectory("o2c-fuzz-xlsx-").FullName;
        try
        {
            var seed = SeedWorkbook(Path.Combine(folder, "seed.xlsx"));
            var source = new SourceDefinition("erp", SourceKind.Xlsx, "*.xlsx", Entity: "customers", Columns: IdentityMapping(Header));
            var reasons = new Dictionary<string, int>();
            using var scratch = O2C.Analytics.Storage.Warehouse.Open(":memory:");
            var stager = new TabularStager(scratch);
            long executions = 0, rejected = 0;
            CsCheck.Gen.Select(Mutation.Of(1), CsCheck.Gen.Bool, (m, inner) => (m.Edits, inner)).Sample(input =>
            {
                var n = ++executions;
                var file = Path.Combine(folder, $"customers-{n}.xlsx");
                File.WriteAllBytes(file, input.inner ? MutateSheet(seed, input.Edits) : Mutation.Apply(seed, input.Edits));
                var staging = Directory.CreateDirectory(Path.Combine(folder, $"staging-{n}")).FullName;
                try
                {
                    Assert.NotEmpty(stager.Stage(source, file, staging));
                }
                catch (UnreadableSourceFileException e)
                {
                    Assert.DoesNotContain('\n', e.Message);
                    Assert.StartsWith($"customers-{n}.xlsx: ", e.Message);
                    var reason = e.Message[$"customers-{n}.xlsx: ".Length..];
                    reason = reason[..Math.Min(reason.Length, 60)];
                    reasons[reason] = reasons.GetValueOrDefault(reason) + 1;
                    rejected++;
                }
                finally
                {
                    File.Delete(file);
                    Directory.Delete(staging, recursive: true);
                }
            }, iter: FuzzBudget.Iterations(150), threads: 1);
            output.WriteLine($"xlsx: {executions:N0} executions, {rejected:N0} rejected with one line, {executions - rejected:N0} staged");
            foreach (var (reason, count) in reasons.OrderByDescending(r => r.Value).Take(8)) output.WriteLine($"  {count,6:N0}  {reason}");
            FuzzBudget.Report("xlsx", executions, rejected, executions - rejected);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static readonly string[] Header = CanonicalFiles.Customers.Split(',');

    /// <summary>Each canonical column read from the source column of the same name.</summary>
    public static IReadOnlyDictionary<string, System.Text.Json.JsonElement> IdentityMapping(IEnumerable<string> columns) =>
        columns.ToDictionary(c => c, c => System.Text.Json.JsonDocument.Parse($"\"{c}\"").RootElement.Clone());

    private static byte[] SeedWorkbook(string path)
    {
        using (var workbook = new XLWorkbook())
        {
            var sheet = workbook.AddWorksheet("Customers");
            for (var c = 0; c < Header.Length; c++) sheet.Cell(1, c + 1).SetValue(Header[c]);
            for (var r = 2; r <= 6; r++)
            {
                sheet.Cell(r, 1).SetValue($"C{r}");
                sheet.Cell(r, 2).SetValue($"Customer {r} & Söhne");
                sheet.Cell(r, 3).SetValue("SMB");
                sheet.Cell(r, 4).SetValue("Europe");
                sheet.Cell(r, 5).SetValue("DE");
                sheet.Cell(r, 6).SetValue("EUR");
                sheet.Cell(r, 7).SetValue(30);
                sheet.Cell(r, 8).SetValue(1234.5 * r);
                sheet.Cell(r, 9).SetValue("B");
                sheet.Cell(r, 10).SetValue(new DateTime(2026, 1, r));
                sheet.Cell(r, 11).SetValue(true);
                sheet.Cell(r, 12).SetValue(r % 2 == 0);
            }
            workbook.SaveAs(path);
        }
        return File.ReadAllBytes(path);
    }

    /// <summary>The workbook with its first sheet's XML mutated and the zip rebuilt, so the XML and cell readers are reached.</summary>
    private static byte[] MutateSheet(byte[] workbook, IEnumerable<Mutation> edits)
    {
        using var input = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read);
        using var result = new MemoryStream();
        using (var output = new ZipArchive(result, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var entry in input.Entries)
            {
                using var content = new MemoryStream();
                using (var stream = entry.Open()) stream.CopyTo(content);
                var bytes = entry.FullName == "xl/worksheets/sheet1.xml" ? Mutation.Apply(content.ToArray(), edits) : content.ToArray();
                using var target = output.CreateEntry(entry.FullName).Open();
                target.Write(bytes);
            }
        return result.ToArray();
    }
}
