using O2C.Analytics.Bench;
using O2C.Analytics.Storage;

namespace O2C.Analytics.Tests.Bench;

/// <summary>A small run of `o2c bench`: every stage runs and reports; no timing is asserted (the benchmark measures, tests don't).</summary>
public sealed class BenchmarkSmokeTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("o2c-bench-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_small_benchmark_times_every_stage_against_duckdb_alone()
    {
        var report = PipelineBenchmark.Run(3_000, _folder, SqlFolder.Default(), _ => { });
        Assert.Equal(
            ["duckdb: read_csv", "duckdb: month-end aging", "load", "models (as-of snapshots)", "kpis", "spc", "predict: train (separate)", "predict: score", "workbook"],
            report.Stages.Select(s => s.Name));
        // The load reads exactly the rows DuckDB's read_csv read from the same files.
        Assert.Equal(report.Stage("duckdb: read_csv").Rows, report.Stage("load").Rows);
        Assert.InRange(report.Invoices, 2_500, 3_500);
        Assert.All(report.Stages, s => Assert.True(s.Rows > 0 && s.PeakBytes > 0, s.Name));
        Assert.Equal("duckdb: read_csv", report.Stage("load").ComparedWith);
        Assert.Contains("| **pipeline** (load to workbook, scoring included) |", report.Markdown());
    }
}
