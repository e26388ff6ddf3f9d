using O2C.Analytics.Load;
using O2C.Analytics.Pipeline;
using O2C.Analytics.Predict;
using O2C.Analytics.Storage;
using O2C.Analytics.Tests.Support;
using static O2C.Analytics.Tests.Support.CanonicalFiles;

namespace O2C.Analytics.Tests.Predict;

/// <summary>
/// Issue 19's as-of rule: a model trained at a cut-off never learns from an outcome dated on or after it. The
/// training set used to be "invoices issued before the split", which let in invoices paid after it (81 on the IBM
/// data). Split on the morning of 1 April 2026.
/// </summary>
public sealed class TrainingAsOfTests
{
    private static PaymentRow Row(string id, string issued, float? daysToPay) =>
        new(id, "C1", DateOnly.Parse(issued, System.Globalization.CultureInfo.InvariantCulture), [], [], daysToPay, 0f);

    [Fact]
    public void Only_invoices_settled_before_the_cut_off_are_training_data()
    {
        var rows = new[]
        {
            Row("I1", "2026-03-01", 30), // paid 03-31, the day before: known
            Row("I2", "2026-03-01", 31), // paid 04-01, the cut-off day itself: not known that morning
            Row("I3", "2026-03-31", 10), // issued before, paid 04-10: a future outcome
            Row("I4", "2026-04-01", 0),  // issued on the cut-off day
            Row("I5", "2026-02-01", null), // still open
        };
        Assert.Equal(["I1"], PaymentModelTrainer.KnownBefore(rows, new DateOnly(2026, 4, 1)).Select(r => r.DocumentId));
    }

    /// <summary>
    /// The same rule read from the warehouse, as the backtest and the scoring run read it: I1 paid 31 March is
    /// known on 1 April; I2 paid on 1 April, I3 paid 10 April and I4 (half paid 15 March, the rest 2 April) are
    /// not; I5 is open.
    /// </summary>
    [Fact]
    public void The_training_set_read_on_a_morning_holds_only_outcomes_dated_before_it()
    {
        using var w = new TempWarehouse();
        w.Write("customers.csv", Customers, Customer("C1"));
        w.Write("documents.csv", Documents,
            Invoice("I1", "C1", "2026-03-01", "2026-03-31", "100.00"), Invoice("I2", "C1", "2026-03-01", "2026-03-31", "100.00"),
            Invoice("I3", "C1", "2026-03-31", "2026-04-30", "100.00"), Invoice("I4", "C1", "2026-02-01", "2026-03-03", "100.00"),
            Invoice("I5", "C1", "2026-03-20", "2026-04-19", "100.00"));
        w.Write("receipts.csv", Receipts, "R1,C1,2026-03-31,2026-03-31,100.00,USD,ach,,I1", "R2,C1,2026-04-01,2026-04-01,100.00,USD,ach,,I2",
            "R3,C1,2026-04-10,2026-04-10,100.00,USD,ach,,I3", "R4,C1,2026-03-15,2026-03-15,50.00,USD,ach,,I4", "R5,C1,2026-04-02,2026-04-02,50.00,USD,ach,,I4");
        w.Write("applications.csv", Applications, "A1,R1,I1,2026-03-31,100.00,auto", "A2,R2,I2,2026-04-01,100.00,auto",
            "A3,R3,I3,2026-04-10,100.00,auto", "A4,R4,I4,2026-03-15,50.00,auto", "A5,R5,I4,2026-04-02,50.00,auto");
        new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources);
        WarehouseRefresh.Run(w.Warehouse, SqlFolder.Default(), "USD");

        var known = PaymentDataset.KnownOn(w.Warehouse, new DateOnly(2026, 4, 1));
        Assert.Equal([("I1", 30f)], known.Select(r => (r.DocumentId, r.DaysToPay!.Value)));
        // A day later I2 is known too (paid on 1 April), and on 3 April I4 (paid off on the 2nd).
        Assert.Equal(["I1", "I2"], PaymentDataset.KnownOn(w.Warehouse, new DateOnly(2026, 4, 2)).Select(r => r.DocumentId).Order());
        Assert.Equal(["I1", "I2", "I4"], PaymentDataset.KnownOn(w.Warehouse, new DateOnly(2026, 4, 3)).Select(r => r.DocumentId).Order());
    }
}
