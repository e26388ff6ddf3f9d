using System.Diagnostics;
using O2C.Analytics.Tests.Cli;
using O2C.Analytics.Load;
using O2C.Analytics.Tests.Support;
using Xunit.Abstractions;

namespace O2C.Analytics.Tests.Reliability;

/// <summary>
/// SIGKILL at random points of a multi-file load (`o2c load` as its own process): afterwards the warehouse opens and
/// holds exactly the state before the load or after it, never a mixture, and running the load again completes it.
/// Kill times are random; the assertions hold whenever the kill lands, so nothing depends on timing.
/// </summary>
public sealed class CrashSafetyTests(ITestOutputHelper output)
{
    // Kill times are stratified (one in each tenth of the load, at a random point within it): ten cover the load as
    // evenly as twenty random ones did, in half the suite's time.
    private const int Kills = 10;

    [Fact]
    public void Killed_at_random_points_of_a_multi_file_load_the_warehouse_is_before_or_after_and_the_next_run_completes()
    {
        var folder = Directory.CreateTempSubdirectory("o2c-crash-").FullName;
        try
        {
            // A generated company of 400 customers over 24 months (about 1/5 of the sample, so 20+ kills fit in a
            // minute). Before: its reference files loaded. The load under test: every file, 7 of them new
            // (documents, receipts, applications, disputes, promises, activities, write-offs).
            var full = Path.Combine(folder, "full");
            O2C.Analytics.Generate.SampleGenerator.Run(new O2C.Analytics.Generate.GeneratorOptions(400, 24, 7, full, new DateOnly(2024, 11, 1), false));
            var small = Directory.CreateDirectory(Path.Combine(folder, "first")).FullName;
            foreach (var name in new[] { "customers", "fx_rates", "holidays", "kpi_targets" })
                File.Copy(Path.Combine(full, $"{name}.csv"), Path.Combine(small, $"{name}.csv"));
            var beforePath = Path.Combine(folder, "before.duckdb");
            IReadOnlyDictionary<string, string> before, after;
            using (var w = O2C.Analytics.Storage.WarehouseSetup.OpenMigrated(beforePath))
            {
                new CanonicalLoader(w).LoadFolder(small);
                before = WarehouseState.Of(w);
            }

            var work = Path.Combine(folder, "work.duckdb");
            var watch = Stopwatch.StartNew();
            WarehouseState.Restore(beforePath, work);
            using (var reference = Load(work, full)) Assert.Equal(0, reference.WaitForExit());
            var loadTime = watch.Elapsed;
            using (var w = O2C.Analytics.Storage.Warehouse.Open(work)) after = WarehouseState.Of(w);
            Assert.NotEqual(before, after);

            var random = new Random();
            int landedBefore = 0, landedAfter = 0, completed = 0;
            for (var kill = 1; kill <= Kills; kill++)
            {
                WarehouseState.Restore(beforePath, work);
                using (var load = Load(work, full))
                {
                    // Anywhere from start-up to the end of a whole load: the kill-th tenth of it.
                    Thread.Sleep(TimeSpan.FromMilliseconds((kill - 1 + random.NextDouble()) / Kills * loadTime.TotalMilliseconds));
                    load.Kill();
                }

                IReadOnlyDictionary<string, string> state;
                using (var w = O2C.Analytics.Storage.Warehouse.Open(work)) state = WarehouseState.Of(w);
                var isBefore = WarehouseState.Same(state, before);
                var isAfter = WarehouseState.Same(state, after);
                Assert.True(isBefore || isAfter,
                    $"kill {kill}: a mixture\n  state:  {WarehouseState.Describe(state)}\n  before: {WarehouseState.Describe(before)}\n  after:  {WarehouseState.Describe(after)}");
                if (isAfter) landedAfter++; else landedBefore++;

                // Every fifth kill, and the first that left the load undone: the next run completes the work.
                if (kill % 5 == 0 || (isBefore && landedBefore == 1))
                {
                    using (var rerun = Load(work, full)) Assert.Equal(0, rerun.WaitForExit());
                    using var w = O2C.Analytics.Storage.Warehouse.Open(work);
                    // The data is the whole load's (the ledger adds a line for the re-run, which found files unchanged or loaded them).
                    Assert.True(WarehouseState.Same(WarehouseState.Data(WarehouseState.Of(w)), WarehouseState.Data(after)), $"kill {kill}: the next run did not complete the load");
                    completed++;
                }
            }
            output.WriteLine($"{Kills} kills within a {loadTime.TotalSeconds:0.0} s load: {landedBefore} left the state before, {landedAfter} the state after, none a mixture; {completed} re-runs completed the load");
            Assert.True(landedBefore > 0, "no kill landed inside the load");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }


    private static CliHost Load(string warehouse, string folder) =>
        new(Path.GetDirectoryName(warehouse)!, "load", folder, "--db", warehouse);
}
