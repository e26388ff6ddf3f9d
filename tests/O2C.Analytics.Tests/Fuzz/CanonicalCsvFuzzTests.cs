using System.Text;
using CsCheck;
using O2C.Analytics.Load;
using O2C.Analytics.Tests.Support;
using Xunit.Abstractions;
using static O2C.Analytics.Tests.Support.CanonicalFiles;

namespace O2C.Analytics.Tests.Fuzz;

/// <summary>
/// Property-based fuzzing of the canonical CSV loader: a mutated file either loads, with every record read either in
/// its table or in rejects (nothing lost, nothing doubled, checked against the tables), or fails with one line and
/// leaves every table exactly as it was (no partial load).
/// </summary>
public sealed class CanonicalCsvFuzzTests(ITestOutputHelper output)
{
    private static readonly string[] Seeds =
    [
        string.Join("\n", Documents,
            Invoice("INV-1", "C1", "2026-01-05", "2026-02-04", "100.00"),
            Invoice("INV-2", "C2", "2026-01-06", "2026-02-05", "2500.50", "EUR"),
            "INV-3,invoice,C1,2026-01-01,2026-01-02,2026-01-07,2026-01-07,2026-02-06,75.25,USD,,,paper",
            "CM-1,credit_memo,C1,,,2026-01-20,2026-01-20,,10.00,USD,INV-1,,email",
            "\"INV-4\",invoice,\"C2\",,,2026-01-08,,2026-02-07,\"1,000.00\",USD,,,portal") + "\n",
        string.Join("\n", Receipts,
            "R-1,C1,2026-02-01,2026-02-02,100.00,USD,wire,BANKREF1,\"INV-1 thank you\"",
            "R-2,,2026-02-03,2026-02-03,55.10,EUR,sepa,,\"multi\nline remittance\"",
            "R-3,C2,2026-02-04,2026-02-05,9.99,USD,check,CHK 001,") + "\n",
    ];

    [Fact]
    public void Mutated_canonical_files_load_whole_or_fail_whole()
    {
        using var w = new TempWarehouse();
        w.Write("customers.csv", Customers, Customer("C1"), Customer("C2", "EUR"));
        new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources);
        var seeds = Seeds.Select(Encoding.UTF8.GetBytes).ToList();
        var entities = new[] { "documents", "receipts" };
        long executions = 0, failed = 0, rowsLoaded = 0, rowsRejected = 0;

        Mutation.Of(seeds.Count).Sample(input =>
        {
            var n = ++executions;
            var path = Path.Combine(w.Sources, $"{entities[input.Seed]}-f{n}.csv");
            File.WriteAllBytes(path, Mutation.Apply(seeds[input.Seed], input.Edits));
            var before = Snapshot(w);
            try
            {
                var result = new CanonicalLoader(w.Warehouse).LoadFiles(w.Sources, [path]);
                var file = Assert.Single(result.Files);
                var name = Path.GetFileName(path);
                Assert.Equal(file.RowsLoaded, w.Warehouse.Scalar<long>($"SELECT count(*) FROM {file.Entity} WHERE source_file = $f", ("f", name)));
                Assert.Equal(file.RowsRejected, w.Warehouse.Scalar<long>("SELECT count(DISTINCT line_number) FROM rejects WHERE file_name = $f", ("f", name)));
                Assert.Equal(file.RowsRead, file.RowsLoaded + file.RowsRejected);
                // Every record of every file in force is in its table or in rejects, once. (A key this file repeats
                // can move into it from a file later by name, so the table need not grow by this file's rows.)
                Assert.Equal(w.Warehouse.Scalar<long>("""
                    SELECT CAST(sum(rows_read) AS BIGINT) FROM (
                        SELECT rows_read FROM load_files WHERE entity = $e AND status <> 'unchanged'
                        QUALIFY row_number() OVER (PARTITION BY file_name ORDER BY load_id DESC) = 1)
                    """, ("e", file.Entity)),
                    w.Count(file.Entity) + w.Warehouse.Scalar<long>(
                        "SELECT count(*) FROM (SELECT DISTINCT file_name, line_number FROM rejects WHERE entity = $e)", ("e", file.Entity)));
                rowsLoaded += file.RowsLoaded;
                rowsRejected += file.RowsRejected;
            }
            catch (LoadFailedException e)
            {
                Assert.DoesNotContain('\n', e.Message);
                Assert.StartsWith("load failed, nothing was loaded: ", e.Message);
                Assert.Equal(before, Snapshot(w));
                failed++;
            }
            finally
            {
                File.Delete(path);
            }
        }, iter: FuzzBudget.Iterations(150), threads: 1);
        output.WriteLine($"canonical csv: {executions:N0} executions, {failed:N0} files refused whole, {rowsLoaded:N0} rows loaded, {rowsRejected:N0} rejected with a reason");
        FuzzBudget.Report("canonical-csv", executions, failed, executions - failed);
    }

    private static Dictionary<string, long> Snapshot(TempWarehouse w) =>
        new[] { "customers", "documents", "receipts", "rejects", "loads", "load_files", "audit_log" }.ToDictionary(t => t, w.Count);
}
