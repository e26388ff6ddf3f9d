using ClosedXML.Excel;
using O2C.Analytics.Pipeline;
using O2C.Analytics.Render.Excel;
using O2C.Analytics.Reports.MonthlyPack;
using O2C.Analytics.Storage;

namespace O2C.Analytics.Tests.Support;

/// <summary>`o2c run` on the bundled sample once for a test class: the warehouse, the pack and its workbook re-opened.</summary>
public sealed class SamplePackFixture : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("o2c-pack-").FullName;
    public MonthlyRunOptions Options { get; }
    public MonthlyRunResult Result { get; }
    public XLWorkbook Workbook { get; }
    /// <summary>The analyst workbook the run wrote beside the pack.</summary>
    public XLWorkbook DataWorkbook { get; }
    public KpiPack Pack => Result.Pack!;

    public SamplePackFixture()
    {
        Options = new MonthlyRunOptions(Path.Combine(Folder, "o2c.duckdb"), RepoPaths.DataSamples, Path.Combine(Folder, "reports"), "USD", new DateOnly(2026, 11, 23));
        Result = MonthlyRun.Run(Options, SqlFolder.Default());
        Workbook = new XLWorkbook(Result.WorkbookPath);
        DataWorkbook = new XLWorkbook(Result.DataWorkbookPath);
    }

    /// <summary>A read-only look at the warehouse the run left.</summary>
    public O2C.Analytics.Storage.Warehouse OpenWarehouse() => O2C.Analytics.Storage.Warehouse.Open(Options.WarehousePath, readOnly: true);

    /// <summary>
    /// A copy of the warehouse the run left in <paramref name="folder"/>, with the trained payment models beside it as
    /// they are beside the original (a refresh on the copy scores with them instead of training anew).
    /// </summary>
    public string CopyWarehouseTo(string folder)
    {
        var path = Path.Combine(Directory.CreateDirectory(folder).FullName, "o2c.duckdb");
        File.Copy(Options.WarehousePath, path);
        foreach (var file in Directory.EnumerateFiles(Options.Paths.PaymentModels, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(folder, "payment-models", Path.GetRelativePath(Options.Paths.PaymentModels, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        return path;
    }

    /// <summary>The warehouse for writing (sending records an audit entry); tests of one collection run one at a time.</summary>
    public O2C.Analytics.Storage.Warehouse OpenWritable() => O2C.Analytics.Storage.Warehouse.Open(Options.WarehousePath);

    public void Dispose()
    {
        Workbook.Dispose();
        DataWorkbook.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
