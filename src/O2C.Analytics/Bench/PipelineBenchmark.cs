using System.Diagnostics;
using System.Globalization;
using System.Text;
using O2C.Analytics.Generate;
using O2C.Analytics.Load;
using O2C.Analytics.Metrics;
using O2C.Analytics.SqlModels;
using O2C.Analytics.Predict;
using O2C.Analytics.Render.Excel;
using O2C.Analytics.Reports.MonthlyPack;
using O2C.Analytics.Spc;
using O2C.Analytics.Pipeline;
using O2C.Analytics.Storage;

namespace O2C.Analytics.Bench;

/// <summary>One timed stage: rows it worked on, seconds, peak memory, and its ratio to the DuckDB-alone baseline it compares with.</summary>
public sealed record BenchStage(string Name, long Rows, double Seconds, long PeakBytes, string? ComparedWith = null, double? Ratio = null)
{
    public double RowsPerSecond => Seconds > 0 ? Rows / Seconds : 0;
}

public sealed record BenchReport(long Invoices, int Customers, IReadOnlyList<BenchStage> Stages)
{
    public BenchStage Stage(string name) => Stages.Single(s => s.Name == name);

    /// <summary>Load to workbook with prediction scoring; training is timed apart, as the targets say.</summary>
    public static readonly string[] Pipeline = ["load", "models (as-of snapshots)", "kpis", "spc", "predict: score", "workbook"];

    /// <summary>
    /// The incremental day: one day's facts on top of the warehouse, as the daily job runs them. The pack is the one the
    /// daily job publishes: the SLA measurement its attention list reads, the pack, the analyst workbook beside it and
    /// the control-chart images.
    /// </summary>
    public static readonly string[] Day = ["day: load", "day: refresh", "day: score", "day: pack (as published)"];

    public double DaySeconds => Stages.Where(s => Day.Contains(s.Name)).Sum(s => s.Seconds);

    public double PipelineSeconds => Stages.Where(s => Pipeline.Contains(s.Name)).Sum(s => s.Seconds);
    public long PipelinePeakBytes => Stages.Where(s => Pipeline.Contains(s.Name)).Max(s => s.PeakBytes);
    public double BaselineSeconds => Stage("duckdb: read_csv").Seconds + Stage("duckdb: month-end aging").Seconds;

    public string Markdown()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Benchmark: {Invoices:N0} invoices, {Customers:N0} customers, 36 months ({Environment.ProcessorCount} cores, " +
            $"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1073741824.0:0.#} GiB; DuckDB memory limit {Warehouse.MemoryLimit()}" +
            $"{(string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("O2C_MEMORY_LIMIT")) ? ", the default" : ", from O2C_MEMORY_LIMIT")})");
        text.AppendLine();
        text.AppendLine("| stage | rows | seconds | rows/s | peak memory | ratio to DuckDB alone |");
        text.AppendLine("|---|---:|---:|---:|---:|---|");
        foreach (var s in Stages)
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {s.Name} | {s.Rows:N0} | {s.Seconds:0.00} | {s.RowsPerSecond:N0} | {s.PeakBytes / 1048576.0:N0} MiB | {(s.Ratio is { } r ? $"{r:0.0}x {s.ComparedWith}" : "")} |");
        if (Stages.Any(s => Pipeline.Contains(s.Name)))
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| **pipeline** (load to workbook, scoring included) | | **{PipelineSeconds:0.0}** | | **{PipelinePeakBytes / 1048576.0:N0} MiB** | {PipelineSeconds / BaselineSeconds:0.0}x DuckDB alone (read_csv + aging) |");
        if (Stages.Any(s => Day.Contains(s.Name)))
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| **incremental day** (load + refresh + score + pack as published; target 30 s) | | **{DaySeconds:0.0}** | | **{Stages.Where(s => Day.Contains(s.Name)).Max(s => s.PeakBytes) / 1048576.0:N0} MiB** | |");
        return text.ToString();
    }
}

/// <summary>
/// `o2c bench`: generates (or reuses) a data set of a given size and times every stage in one process, against
/// DuckDB alone doing the raw work on the same files: read_csv into tables, and one hand-written query for the
/// month-end aging of every month.
/// </summary>
public static class PipelineBenchmark
{
    /// <summary>The generator writes about 59.5 invoices per customer over 36 months.</summary>
    public const double InvoicesPerCustomer = 59.5;

    public static BenchReport Run(long invoices, string workFolder, SqlFolder sql, Action<string> log, int trainingCap = 1_000_000)
    {
        var customers = CustomersFor(invoices);
        var data = Path.Combine(workFolder, $"data-{customers}");
        if (!File.Exists(Path.Combine(data, "documents.csv")))
        {
            log($"generating {customers:N0} customers into {data}");
            // No opening open-items file: DuckDB alone then reads one file per table, as the baseline query expects.
            SampleGenerator.Run(new GeneratorOptions(customers, 36, 42, data, GeneratorOptions.DefaultFirstMonth, OpeningMonths: 0, Pilot: false));
        }
        // The history is every stage's input; the last day of it comes after, as the incremental day.
        var cut = HistoryAndDay.Cut(data, Path.Combine(workFolder, $"cut-{customers}"));
        log($"history to {cut.LastDay.AddDays(-1):yyyy-MM-dd} in {cut.History}; the day {cut.LastDay:yyyy-MM-dd} in {cut.Day}");
        var files = Directory.GetFiles(cut.History, "*.csv").Order(StringComparer.Ordinal).ToList();
        var dayFiles = Directory.GetFiles(cut.Day, "*.csv").Order(StringComparer.Ordinal).ToList();
        var stages = new List<BenchStage>();

        // DuckDB alone, in the same process, on the same files.
        var rawPath = Path.Combine(workFolder, "duckdb-alone.duckdb");
        DeleteDatabase(rawPath);
        long rawRows = 0;
        using (var raw = Warehouse.Open(rawPath))
        {
            stages.Add(Time("duckdb: read_csv", log, () =>
            {
                foreach (var f in files)
                    raw.Execute($"CREATE TABLE raw_{Path.GetFileNameWithoutExtension(f)} AS SELECT * FROM read_csv('{f}', header = true, all_varchar = false)");
                rawRows = files.Sum(f => raw.Scalar<long>($"SELECT count(*) FROM raw_{Path.GetFileNameWithoutExtension(f)}"));
                return rawRows;
            }));
            stages.Add(Time("duckdb: month-end aging", log, () => raw.Scalar<long>(sql.Read("bench", "baseline_aging.sql"))));
            stages.Add(Time("duckdb: read_csv (the day)", log, () => ReadDay(raw, dayFiles)));
        }
        DeleteDatabase(rawPath);
        var readCsv = stages[0];
        var aging = stages[1];
        var readDay = stages[2];

        var path = Path.Combine(workFolder, "bench.duckdb");
        DeleteDatabase(path);
        using var warehouse = WarehouseSetup.OpenMigrated(path, sql);
        stages.Add(Time("load", log, () => new CanonicalLoader(warehouse).LoadFolder(cut.History).RowsLoaded, readCsv));
        stages.Add(Time("models (as-of snapshots)", log, () =>
        {
            ModelBuilder.Build(warehouse, sql);
            return warehouse.Scalar<long>("SELECT count(*) FROM fct_ar_snapshot_monthly");
        }, aging));
        stages.Add(Time("kpis", log, () =>
        {
            KpiCalculator.Run(warehouse, sql);
            return warehouse.Scalar<long>("SELECT count(*) FROM kpi_values");
        }, aging));
        stages.Add(Time("spc", log, () => SpcRunner.Run(warehouse, new SpcOptions()).Count));
        // Models, KPIs and charts are a full refresh, timed step by step: recorded as one, as the refresh would.
        WarehouseRefresh.RecordRefreshed(warehouse, sql, "USD");
        // The daily job's view of it: today is the day after the cut's last day, the latest closed month the one before
        // that day's month; scores are as of the first of the day's month and the pack is of the closed month.
        var month = ReportingMonth.Of(cut.LastDay).Plus(-1);
        var asOf = month.End.AddDays(1);
        var paths = PathsIn(workFolder);
        var predictions = new PaymentPredictionRun(warehouse, paths.PaymentModels);
        // Training alone (read the features, fit and measure on the split, fit on all, save): the scoring `o2c predict
        // train` ends with is the next stage, timed once (it used to be timed in both).
        stages.Add(Time("predict: train (separate)", log, () => { var m = predictions.Train(asOf, trainingCap).Metrics; return m.TrainRows + m.TestRows; }));
        stages.Add(Time("predict: score", log, () => predictions.ScoreWithLatestRun(asOf).Scored));
        stages.Add(Time("workbook", log, () =>
        {
            // The refresh makes the views and macros the pack reads (customers_in_scope).
            Analyst.AnalystViews.Create(warehouse, sql);
            var pack = KpiPackReader.Read(warehouse, sql, month, DateTime.UtcNow);
            KpiPackWorkbook.Write(pack, paths.KpiPack(month));
            return pack.Kpis.Count;
        }));

        // The pack as published also measures every SLA (its attention list names those below target): every quarter
        // the first time, outside the pipeline's stages (the targets' pipeline ends with the workbook).
        var steps = Steps(sql, paths);
        stages.Add(Time("sla: every quarter (the published pack's, separate)", log, () => Sla.SlaRunner.Run(warehouse, sql, Sla.SlaCatalog.Defaults).ItemsMeasured));

        // The warehouse as the day finds it, kept for `o2c bench --day-only` (the day alone, again, in minutes).
        warehouse.Execute("CHECKPOINT");
        File.Copy(path, Path.Combine(workFolder, BeforeDayFile), overwrite: true);
        stages.AddRange(Day(warehouse, sql, cut, month, steps, log, readDay));
        return new BenchReport(warehouse.Scalar<long>("SELECT count(*) FROM documents WHERE document_type = 'invoice'"), customers, stages);
    }

    /// <summary>The warehouse a full run leaves just before the incremental day (models, KPIs, scores, SLA state).</summary>
    public const string BeforeDayFile = "before-day.duckdb";

    /// <summary>
    /// The incremental day alone, <paramref name="repeats"/> times, each from a fresh copy of the warehouse a full run
    /// kept before its day, by the same program: how much the day varies from run to run, in minutes rather than a
    /// 20-minute run. The figures are of a process that did not just build the warehouse (its caches are cold).
    /// </summary>
    public static IReadOnlyList<BenchReport> RunDayOnly(long invoices, string workFolder, SqlFolder sql, Action<string> log, int repeats)
    {
        var customers = CustomersFor(invoices);
        var before = Path.Combine(workFolder, BeforeDayFile);
        if (!File.Exists(before))
            throw new InvalidOperationException($"{before} does not exist: run `o2c bench --invoices {invoices}` once first (it keeps the warehouse as the day finds it)");
        var cut = HistoryAndDay.Cut(Path.Combine(workFolder, $"data-{customers}"), Path.Combine(workFolder, $"cut-{customers}"));
        var dayFiles = Directory.GetFiles(cut.Day, "*.csv").Order(StringComparer.Ordinal).ToList();
        var month = ReportingMonth.Of(cut.LastDay).Plus(-1);
        // the full run's output paths: the day scores with the payment model it trained
        var steps = Steps(sql, PathsIn(workFolder));
        var reports = new List<BenchReport>();
        for (var i = 1; i <= repeats; i++)
        {
            log($"the day, run {i} of {repeats}");
            var rawPath = Path.Combine(workFolder, "duckdb-alone.duckdb");
            DeleteDatabase(rawPath);
            BenchStage readDay;
            using (var raw = Warehouse.Open(rawPath))
                readDay = Time("duckdb: read_csv (the day)", log, () => ReadDay(raw, dayFiles));
            DeleteDatabase(rawPath);
            var path = Path.Combine(workFolder, "day-only.duckdb");
            DeleteDatabase(path);
            File.Copy(before, path);
            var stages = new List<BenchStage> { readDay };
            using (var warehouse = WarehouseSetup.OpenMigrated(path, sql))
            {
                // Built by another program (models, KPIs or SQL changed since), the day would rebuild everything, and the
                // SLA state and stored predictions, keyed to what built them, would be measured and scored again whole.
                var builtFrom = warehouse.Scalar<string?>("SELECT max(built_from) FROM refresh_state");
                if (builtFrom != RefreshFingerprint.Of(warehouse, sql, "USD"))
                    throw new InvalidOperationException($"{BeforeDayFile} was built by another version of the program (its models, KPIs or settings differ): its day would be a full refresh; run `o2c bench --invoices {invoices}` again");
                stages.AddRange(Day(warehouse, sql, cut, month, steps, log, readDay));
                reports.Add(new BenchReport(warehouse.Scalar<long>("SELECT count(*) FROM documents WHERE document_type = 'invoice'"), customers, stages));
            }
            DeleteDatabase(path);
        }
        return reports;
    }

    /// <summary>The customers of a data set of that many invoices (InvoicesPerCustomer).</summary>
    private static int CustomersFor(long invoices) => Math.Max(20, (int)Math.Round(invoices / InvoicesPerCustomer));

    private static OutputPaths PathsIn(string workFolder) =>
        new(Path.Combine(workFolder, "reports"), Path.Combine(workFolder, "bench.duckdb"));

    private static PipelineSteps Steps(SqlFolder sql, OutputPaths paths) =>
        new(sql, paths, "USD", new SpcOptions(), new Mail.MailSettings(), Sla.SlaCatalog.Defaults);

    private static long ReadDay(Warehouse raw, IEnumerable<string> dayFiles) => dayFiles.Sum(f =>
    {
        var table = $"day_{Path.GetFileNameWithoutExtension(f).Replace('-', '_')}";
        raw.Execute($"CREATE TABLE {table} AS SELECT * FROM read_csv('{f}', header = true, all_varchar = false)");
        return raw.Scalar<long>($"SELECT count(*) FROM {table}");
    });

    /// <summary>
    /// The incremental day: the day's files loaded on top, the refresh of the months they reach, the scores (kept when
    /// nothing known as of their date changed) and the pack as published, as the daily job runs them. The scores are as
    /// of the first of the day's month and the pack is of the month closed before it.
    /// </summary>
    private static IEnumerable<BenchStage> Day(Warehouse warehouse, SqlFolder sql, HistoryAndDay cut, ReportingMonth month, PipelineSteps steps, Action<string> log, BenchStage readDay)
    {
        var asOf = month.End.AddDays(1);
        yield return Time("day: load", log, () => new CanonicalLoader(warehouse).LoadFolder(cut.Day).RowsLoaded, readDay);
        yield return Time("day: refresh", log, () =>
        {
            // Rows: the KPI values computed again (those of the month ends the day reaches).
            var started = warehouse.Scalar<DateTime>("SELECT now()::TIMESTAMP");
            WarehouseRefresh.Run(warehouse, sql, "USD", status: s => { if (s.StartsWith("month ends", StringComparison.Ordinal) || s.StartsWith("all months", StringComparison.Ordinal)) log($"day: refresh: {s}"); });
            return warehouse.Scalar<long>("SELECT count(*) FROM kpi_values WHERE computed_at >= $t", ("t", started));
        });
        yield return Time("day: score", log, () => steps.Score(warehouse, asOf, s => log($"day: score: {s}")).Scored);
        yield return Time("day: pack (as published)", log, () => steps.PublishPack(warehouse, month, s => log($"day: pack: {s}")).Pack.Kpis.Count);
    }

    private static BenchStage Time(string name, Action<string> log, Func<long> work, BenchStage? baseline = null)
    {
        // Each stage's peak is its own: without returning the last stage's freed heap to the system (training
        // leaves gigabytes), the resident size scoring starts from would be training's.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        using var memory = new MemorySampler();
        var clock = Stopwatch.StartNew();
        var rows = work();
        clock.Stop();
        var stage = new BenchStage(name, rows, clock.Elapsed.TotalSeconds, memory.PeakBytes,
            baseline?.Name, baseline is null ? null : clock.Elapsed.TotalSeconds / baseline.Seconds);
        log($"{name}: {stage.Seconds:0.00} s, {rows:N0} rows, peak {stage.PeakBytes / 1048576.0:N0} MiB");
        return stage;
    }

    private static void DeleteDatabase(string path)
    {
        File.Delete(path);
        File.Delete(path + ".wal");
    }
}
