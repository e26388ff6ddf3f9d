using O2C.Analytics.Load;
using O2C.Analytics.Pipeline;
using O2C.Analytics.Sla;
using O2C.Analytics.Storage;
using O2C.Analytics.Tests.Support;
using static O2C.Analytics.Tests.Support.CanonicalFiles;

namespace O2C.Analytics.Tests.Sla;

/// <summary>
/// A run measures again only the quarters the fact changes since the last run can reach (SlaRunner, sla_state), and
/// what it keeps and measures equals measuring everything. Invoices shipped in 2026Q1 and 2026Q2 and one invoiced in
/// July put the data's horizon at 2026-07-15, so 2026Q1 and 2026Q2 are closed.
/// </summary>
public sealed class SlaQuartersMeasuredAgainTests
{
    private static string Shipped(string id, string ship, string sent, string date) => $"{id},invoice,C1,{ship},{ship},{date},{sent},2026-12-31,100.00,USD,,,email";

    private static void Deliver(TempWarehouse w, string name, params string[] lines)
    {
        w.Write(name, lines);
        new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources);
        WarehouseRefresh.Run(w.Warehouse, SqlFolder.Default(), "USD");
    }

    private static SlaRunResult Measure(TempWarehouse w) => SlaRunner.Run(w.Warehouse, SqlFolder.Default(), SlaCatalog.Defaults, new SlaContract { BpoTeams = ["Team A"] });

    private static List<string> Measurements(TempWarehouse w) => w.Warehouse.Query(
        "SELECT CAST(COLUMNS(*) AS VARCHAR) FROM sla_measurements ORDER BY ALL",
        r => string.Join("|", Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "∅" : r.GetString(i))));

    [Fact]
    public void A_late_fact_in_a_closed_quarter_is_measured_and_a_fact_after_the_horizon_changes_nothing()
    {
        using var w = new TempWarehouse();
        w.Write("customers.csv", Customers, Customer("C1"));
        Deliver(w, "documents.csv", Documents,
            Shipped("I1", "2026-01-09", "2026-01-13", "2026-01-09"),   // Fri -> Tue: 2 business days, late (2026Q1)
            Shipped("I2", "2026-05-04", "2026-05-05", "2026-05-04"),   // Mon -> Tue: 1, met (2026Q2)
            Shipped("I3", "2026-07-15", "2026-07-15", "2026-07-15"));  // the horizon: 2026Q3 is not closed
        Measure(w);
        Assert.Equal(["I1", "I2"], w.Warehouse.Query("SELECT item_id FROM sla_measurements WHERE sla_id = 'invoice_sent' ORDER BY 1", r => r.GetString(0)));

        // An invoice issued in July for goods shipped in February: its item's deadline is in 2026Q1, closed, and the
        // facts changed reach back to 12 February, so 2026Q1 and 2026Q2 are measured again; nothing else changed.
        Deliver(w, "documents-late.csv", Documents, Shipped("I4", "2026-02-12", "2026-07-14", "2026-07-14"));
        Measure(w);
        var measuredAgain = Measurements(w);
        Assert.Equal(["I1", "I2", "I4"], w.Warehouse.Query("SELECT item_id FROM sla_measurements WHERE sla_id = 'invoice_sent' ORDER BY 1", r => r.GetString(0)));

        w.Warehouse.Execute("DELETE FROM sla_state");
        Measure(w);
        Assert.Equal(Measurements(w), measuredAgain);

        // A day after the horizon: no closed quarter is reached, the measurements stay as they are, and equal a full run.
        Deliver(w, "documents-day.csv", Documents, Shipped("I5", "2026-07-16", "2026-07-16", "2026-07-16"));
        Measure(w);
        var kept = Measurements(w);
        w.Warehouse.Execute("DELETE FROM sla_state");
        Measure(w);
        Assert.Equal(Measurements(w), kept);
        Assert.Equal(measuredAgain, kept);
    }
}
