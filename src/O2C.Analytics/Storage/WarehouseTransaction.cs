using System.Data.Common;

namespace O2C.Analytics.Storage;

/// <summary>
/// A transaction on the warehouse, or a step inside one already open: a refresh runs models, KPIs, control charts
/// and views as one unit, each step written with its own transaction for when it runs alone. A joined step's Commit
/// and Rollback leave the decision to the outer transaction (an exception from the step still reaches it, and
/// disposing the outer transaction uncommitted rolls everything back).
/// </summary>
public sealed class WarehouseTransaction : IDisposable
{
    private readonly Warehouse warehouse;
    private readonly DbTransaction? own;
    private bool commitAttempted;

    internal WarehouseTransaction(Warehouse warehouse, DbTransaction? own)
    {
        this.warehouse = warehouse;
        this.own = own;
    }

    public bool Joined => own is null;

    public void Commit()
    {
        if (own is null) return;
        var clock = Warehouse.TraceClock();
        // A failed COMMIT (a full disk) ends the transaction in DuckDB and in its driver: a Rollback after it has
        // nothing to undo and the driver would refuse it ("already finished"), hiding the failure that matters.
        commitAttempted = true;
        own.Commit();
        Warehouse.TraceFinished(clock, "COMMIT");
        warehouse.EndTransaction(this);
    }

    public void Rollback()
    {
        if (own is null) return;
        if (!commitAttempted) own.Rollback();
        warehouse.EndTransaction(this);
    }

    public void Dispose()
    {
        if (own is null) return;
        own.Dispose();
        warehouse.EndTransaction(this);
    }
}
