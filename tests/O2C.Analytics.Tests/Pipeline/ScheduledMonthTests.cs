using System.Text.RegularExpressions;
using ClosedXML.Excel;
using O2C.Analytics.Mail;
using O2C.Analytics.Pipeline;
using O2C.Analytics.Schedule;
using O2C.Analytics.Sla;
using O2C.Analytics.Spc;
using O2C.Analytics.Tests.Support;
using O2C.Analytics.Storage;

namespace O2C.Analytics.Tests.Pipeline;

/// <summary>
/// Issue 17: the scheduled month and `o2c run` were composed separately and had drifted (the scheduled refresh wrote
/// no control charts). Both now call the same steps: the scheduler's runner doing load, refresh, pack and sla on a
/// copy of the warehouse `o2c run` (MonthlyRun, the fixture) left writes the same files (names, and every sheet's
/// cells) and leaves the same tables.
/// </summary>
[Collection(SamplePackCollection.Name)]
public sealed class ScheduledMonthTests(SamplePackFixture run)
{
    [Fact]
    public async Task The_scheduled_month_writes_what_o2c_run_writes_and_touches_the_same_tables()
    {
        var folder = Directory.CreateTempSubdirectory("o2c-month-").FullName;
        try
        {
            // The o2c run side is the fixture's own run of the sample (MonthlyRun); the scheduler's jobs run on a copy of
            // the warehouse it left, so both sides start from the same data.
            var viaSchedule = run.CopyWarehouseTo(Path.Combine(folder, "schedule"));
            var steps = new PipelineSteps(SqlFolder.Default(), new OutputPaths(Path.Combine(folder, "schedule", "reports"), viaSchedule), "USD",
                new SpcOptions(12), new MailSettings(), SlaCatalog.Defaults);
            var runner = new ScheduledJobRunner(viaSchedule, SqlFolder.Default(), new PipelineJobs(steps).Kinds, new ScheduleSettings(), LineLogger.None);
            foreach (var (name, kind, source) in new[] { ("daily-load", "load", RepoPaths.DataSamples), ("refresh", "refresh", null), ("monthly-pack", "pack", null), ("quarterly-sla", "sla", null) })
                Assert.Equal("succeeded", await runner.RunAsync(new ScheduledJobSettings { Name = name, Kind = kind, Source = source }, "test", null, CancellationToken.None, _ => { }));

            // Mail other tests of the collection sent from the fixture's reports folder is not part of a month's output.
            var runFiles = Files(run.Options.ReportsFolder).Where(f => !f.Key.StartsWith("outbox/", StringComparison.Ordinal) && !f.Key.StartsWith("outgoing/", StringComparison.Ordinal))
                .ToDictionary(f => f.Key, f => f.Value);
            var scheduleFiles = Files(Path.Combine(folder, "schedule", "reports"));
            // The pack, the SLA review and the control charts of the month, both ways.
            Assert.Contains(runFiles.Keys, f => f.StartsWith("charts/2026-10/", StringComparison.Ordinal));
            Assert.Contains("o2c-kpi-pack-2026-10.xlsx", runFiles.Keys);
            Assert.Contains("o2c-sla-review-2026-Q3.xlsx", runFiles.Keys);
            Assert.Equal(runFiles.Keys.Order(), scheduleFiles.Keys.Order());
            foreach (var (name, content) in runFiles)
                Assert.True(content == scheduleFiles[name], $"{name} differs between o2c run and the scheduled jobs, first at: "
                    + content.Split('\n').Zip(scheduleFiles[name].Split('\n')).FirstOrDefault(p => p.First != p.Second));

            var before = Tables(run.Options.WarehousePath);
            var after = Tables(viaSchedule);
            Assert.Empty(before.Keys.Union(after.Keys).Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t))
                .Select(t => $"{t}: {before.GetValueOrDefault(t)} vs {after.GetValueOrDefault(t)}"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Every file under the reports folder: workbooks as their cells sheet by sheet (times masked), images by size.</summary>
    private static Dictionary<string, string> Files(string reports) =>
        Directory.EnumerateFiles(reports, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(reports, f).Replace('\\', '/'),
            f => f.EndsWith(".xlsx", StringComparison.Ordinal) ? Cells(f) : new FileInfo(f).Length.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static string Cells(string path)
    {
        using var workbook = new XLWorkbook(path);
        return string.Join("\n", workbook.Worksheets.SelectMany(sheet =>
        {
            // The audit trail on the lineage sheet is the warehouse's history, longer on the copy the jobs ran on.
            var auditHeading = sheet.CellsUsed().FirstOrDefault(c => c.GetString().StartsWith("Audit log:", StringComparison.Ordinal))?.Address.RowNumber ?? int.MaxValue;
            return sheet.CellsUsed().Where(c => c.Address.RowNumber < auditHeading)
                .Select(c => $"{sheet.Name}!{c.Address}={Masked(c.Value.ToString() ?? "")}");
        }));
    }

    /// <summary>
    /// When a report was generated differs by the seconds between the two runs; the audit chain is longer on the copy.
    /// </summary>
    private static string Masked(string text) => Regex.Replace(Regex.Replace(text, @"intact: \d+ entries", "intact: <n> entries"), @"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?( UTC)?|\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}:\d{2}( [AP]M)?", "<time>");

    /// <summary>Every table's rows, times left out, hashed without regard to order; history tables apart.</summary>
    private static Dictionary<string, string> Tables(string path)
    {
        using var w = O2C.Analytics.Storage.Warehouse.Open(path, readOnly: true);
        var columns = w.Query("""
            SELECT table_name, string_agg('"' || column_name || '"', ', ' ORDER BY column_index) FROM duckdb_columns()
            WHERE schema_name IN ('main') AND NOT starts_with(data_type, 'TIMESTAMP')
              AND table_name IN (SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main')
              -- history, not output: the scheduler's run log, the audit chain, and the ledger of the copy's second load
              -- (every file unchanged) with the refresh's note of it
              AND table_name NOT IN ('job_runs', 'audit_log', 'schedule_state', 'loads', 'load_files', 'refresh_state')
            GROUP BY table_name
            """, r => (r.GetString(0), r.GetString(1)));
        return columns.ToDictionary(c => c.Item1, c => w.Scalar<string>(
            $"SELECT count(*) || ':' || coalesce(sum(hash({c.Item2}))::VARCHAR, '0') FROM \"{c.Item1}\"")!);
    }
}
