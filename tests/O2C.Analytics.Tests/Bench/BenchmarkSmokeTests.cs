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
        var log = new List<string>();
        var report = PipelineBenchmark.Run(3_000, _folder, SqlFolder.Default(), log.Add);
        Assert.Equal(
            ["duckdb: read_csv", "duckdb: month-end aging", "duckdb: read_csv (the day)", "load", "models (as-of snapshots)", "kpis", "spc",
             "predict: train (separate)", "predict: score", "workbook", "sla: every quarter (the published pack's, separate)",
             "day: load", "day: refresh", "day: score", "day: pack (as published)"],
            report.Stages.Select(s => s.Name));
        // The load reads exactly the rows DuckDB's read_csv read from the same files: the history, then the day.
        Assert.Equal(report.Stage("duckdb: read_csv").Rows, report.Stage("load").Rows);
        Assert.Equal(report.Stage("duckdb: read_csv (the day)").Rows, report.Stage("day: load").Rows);
        Assert.InRange(report.Invoices, 2_500, 3_500);
        Assert.All(report.Stages, s => Assert.True(s.Rows > 0 && s.PeakBytes > 0, s.Name));
        Assert.Equal("duckdb: read_csv", report.Stage("load").ComparedWith);
        // The day's refresh computes again only its month's KPI values; its scores are those stored (as of the first
        // of the day's month, which the day's facts come after).
        Assert.InRange(report.Stage("day: refresh").Rows, 1, report.Stage("kpis").Rows / 10);
        Assert.Equal(report.Stage("predict: score").Rows, report.Stage("day: score").Rows);
        Assert.Contains(log, l => l.StartsWith("day: score: payment predictions as of ", StringComparison.Ordinal) && l.EndsWith(" kept: no fact dated on or before it changed", StringComparison.Ordinal));
        Assert.Contains(log, l => l.StartsWith("day: refresh: month ends from ", StringComparison.Ordinal));
        Assert.Contains("| **pipeline** (load to workbook, scoring included) |", report.Markdown());
        Assert.Contains("| **incremental day** (load + refresh + score + pack as published; target 30 s) |", report.Markdown());

        // The day alone, twice, from the warehouse the run kept before its day: the same work as the run's own day.
        var days = PipelineBenchmark.RunDayOnly(3_000, _folder, SqlFolder.Default(), log.Add, repeats: 2);
        Assert.Equal(2, days.Count);
        foreach (var day in days)
        {
            Assert.Equal(["duckdb: read_csv (the day)", "day: load", "day: refresh", "day: score", "day: pack (as published)"], day.Stages.Select(s => s.Name));
            Assert.All(day.Stages, s => Assert.Equal(report.Stage(s.Name).Rows, s.Rows));
            Assert.Equal(report.Invoices, day.Invoices);
            Assert.DoesNotContain("**pipeline**", day.Markdown(), StringComparison.Ordinal);
            Assert.Contains("| **incremental day** (", day.Markdown(), StringComparison.Ordinal);
        }

        // Kept by another version of the program, the day would be a full refresh: refused, saying why.
        using (var kept = Warehouse.Open(Path.Combine(_folder, PipelineBenchmark.BeforeDayFile)))
            kept.Execute("UPDATE refresh_state SET built_from = 'an older program'");
        var refused = Assert.Throws<InvalidOperationException>(() => PipelineBenchmark.RunDayOnly(3_000, _folder, SqlFolder.Default(), log.Add, repeats: 1));
        Assert.StartsWith("before-day.duckdb was built by another version of the program", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_day_alone_needs_the_warehouse_a_full_run_kept_and_says_so()
    {
        var error = Assert.Throws<InvalidOperationException>(() => PipelineBenchmark.RunDayOnly(3_000, _folder, SqlFolder.Default(), _ => { }, repeats: 1));
        Assert.Contains("run `o2c bench --invoices 3000` once first", error.Message, StringComparison.Ordinal);
    }
}
