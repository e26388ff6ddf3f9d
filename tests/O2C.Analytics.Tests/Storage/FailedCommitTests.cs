using DuckDB.NET.Data;
using O2C.Analytics.Storage;

namespace O2C.Analytics.Tests.Storage;

/// <summary>
/// A COMMIT that fails (a full disk; here, a key another connection committed first) ends the transaction. The
/// rollback that follows in every caller's error path must not replace the commit's failure by the driver's
/// "Transaction has already been finished" (CI saw that line instead of the full-disk one).
/// </summary>
public sealed class FailedCommitTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("o2c-commit-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_rollback_after_a_failed_commit_keeps_the_commits_failure_and_the_warehouse_stays_usable()
    {
        var path = Path.Combine(_folder, "w.duckdb");
        using var first = Warehouse.Open(path);
        using var second = Warehouse.Open(path);
        first.Execute("CREATE TABLE receipts_seen (receipt_id INTEGER PRIMARY KEY)");
        using var winner = first.BeginTransaction();
        using var loser = second.BeginTransaction();
        first.Execute("INSERT INTO receipts_seen VALUES (1)");
        second.Execute("INSERT INTO receipts_seen VALUES (1)");
        winner.Commit();

        var failure = Assert.Throws<DuckDBException>(loser.Commit);
        Assert.Contains("Failed to commit", failure.Message, StringComparison.Ordinal);
        loser.Rollback();

        // The failed transaction left nothing, and the connection takes the next one.
        Assert.Equal(1, second.Scalar<long>("SELECT count(*) FROM receipts_seen"));
        using var next = second.BeginTransaction();
        second.Execute("INSERT INTO receipts_seen VALUES (2)");
        next.Commit();
        Assert.Equal(2, first.Scalar<long>("SELECT count(*) FROM receipts_seen"));
    }
}
