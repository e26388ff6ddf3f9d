using System.Diagnostics;
using O2C.Analytics.Load;
using O2C.Analytics.SqlModels;
using O2C.Analytics.Pipeline;
using O2C.Analytics.Tests.Cli;
using O2C.Analytics.Storage;
using Xunit.Abstractions;

namespace O2C.Analytics.Tests.Reliability;

/// <summary>
/// Issue 16: of 11 SIGKILLs during `o2c refresh`, 5 left new models beside old kpi_values and control-chart tables.
/// A refresh is now one transaction. Before: a warehouse refreshed on a first year of data, then the second year
/// loaded. `o2c refresh` (its own process) is killed at random points; every time, every derived table is as the
/// first refresh left it or as a whole second refresh leaves it, never a mixture.
/// </summary>
public sealed class RefreshCrashSafetyTests(ITestOutputHelper output)
{
    // Kill times are stratified over the window (one in each seventh, at a random point within it): seven cover it
    // as evenly as fifteen random ones would, in a third of the suite's time.
    private const int Kills = 7;

    /// <summary>Derived tables with an order-independent hash of their rows, timestamps left out (they differ per run).</summary>
    private static IReadOnlyDictionary<string, string> Derived(O2C.Analytics.Storage.Warehouse w)
    {
        var tables = SqlModel.ReadAll(SqlFolder.Default().File("models")).Where(m => m.IsTable).Select(m => m.Name)
            .Concat(["kpi_values", "spc_points", "spc_signals", "kpi_catalog", "refresh_state"]).ToList();
        var state = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            if (!w.TableExists(table))
            {
                state[table] = "absent";
                continue;
            }
            var columns = w.Query("SELECT column_name FROM information_schema.columns WHERE table_name = $t AND data_type NOT LIKE 'TIMESTAMP%' ORDER BY ordinal_position",
                r => "\"" + r.GetString(0) + "\"", ("t", table));
            state[table] = w.Scalar<string>($"SELECT count(*) || ':' || coalesce(sum(hash(CAST(row({string.Join(", ", columns)}) AS VARCHAR)))::VARCHAR, '0') FROM {table}")!;
        }
        return state;
    }

    [Fact]
    public void Killed_anywhere_in_a_refresh_every_derived_table_is_all_before_or_all_after()
    {
        var folder = Directory.CreateTempSubdirectory("o2c-refresh-crash-").FullName;
        try
        {
            // 150 customers over 24 months (small: the kills must fit in the suite); the first refresh sees the reference
            // data and the first year of facts.
            var full = Path.Combine(folder, "full");
            O2C.Analytics.Generate.SampleGenerator.Run(new O2C.Analytics.Generate.GeneratorOptions(150, 24, 11, full, new DateOnly(2024, 11, 1), false));
            var firstYear = Directory.CreateDirectory(Path.Combine(folder, "first")).FullName;
            foreach (var file in Directory.GetFiles(full, "*.csv"))
                File.WriteAllLines(Path.Combine(firstYear, Path.GetFileName(file)),
                    File.ReadLines(file).Where((line, i) => i == 0 || !line.Contains(",2024-", StringComparison.Ordinal) || Path.GetFileName(file) is "customers.csv" or "fx_rates.csv" or "holidays.csv" or "kpi_targets.csv"));

            var beforePath = Path.Combine(folder, "before.duckdb");
            IReadOnlyDictionary<string, string> before, after;
            using (var w = WarehouseSetup.OpenMigrated(beforePath))
            {
                new CanonicalLoader(w).LoadFolder(firstYear);
                WarehouseRefresh.Run(w, SqlFolder.Default(), "USD");
                before = Derived(w);
                // The second year arrives; its refresh is the one under test.
                new CanonicalLoader(w).LoadFolder(full);
                Assert.True(WarehouseRefresh.Owed(w));
            }

            var work = Path.Combine(folder, "work.duckdb");
            WarehouseState.Restore(beforePath, work);
            var watch = Stopwatch.StartNew();
            using (var reference = Refresh(work)) Assert.Equal(0, reference.WaitForExit());
            var refreshTime = watch.Elapsed;
            using (var w = O2C.Analytics.Storage.Warehouse.Open(work))
            {
                after = Derived(w);
                Assert.False(WarehouseRefresh.Owed(w));
            }
            Assert.NotEqual(before["kpi_values"], after["kpi_values"]);

            var random = new Random();
            int landedBefore = 0, landedAfter = 0;
            for (var kill = 1; kill <= Kills; kill++)
            {
                WarehouseState.Restore(beforePath, work);
                using (var refresh = Refresh(work))
                {
                    // From a third of the way in (start-up and migrations come first) to just past a whole refresh.
                    Thread.Sleep(TimeSpan.FromMilliseconds((0.3 + 0.75 * (kill - 1 + random.NextDouble()) / Kills) * refreshTime.TotalMilliseconds));
                    refresh.Kill();
                }
                IReadOnlyDictionary<string, string> state;
                bool owed;
                using (var w = O2C.Analytics.Storage.Warehouse.Open(work))
                {
                    state = Derived(w);
                    owed = WarehouseRefresh.Owed(w);
                }
                var isBefore = WarehouseState.Same(state, before);
                var isAfter = WarehouseState.Same(state, after);
                Assert.True(isBefore || isAfter,
                    $"kill {kill}: a mixture: {string.Join(", ", state.Where(kv => before[kv.Key] != kv.Value).Select(kv => kv.Key + (after[kv.Key] == kv.Value ? " (new)" : " (neither)")))} differ from before");
                // The ledger of what the derived tables were built from moves with them.
                Assert.Equal(isBefore, owed);
                if (isAfter) landedAfter++; else landedBefore++;
            }
            output.WriteLine($"{Kills} kills within a {refreshTime.TotalSeconds:0.0} s refresh: {landedBefore} left every derived table as before, {landedAfter} as after, none a mixture");
            Assert.True(landedBefore > 0, "no kill landed inside the refresh");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static CliHost Refresh(string warehouse) => new(Path.GetDirectoryName(warehouse)!, "refresh", "--db", warehouse, "--no-predict");
}
