using O2C.Analytics.Load;
using O2C.Analytics.Metrics;
using O2C.Analytics.Pilots;
using O2C.Analytics.Pipeline;
using O2C.Analytics.Storage;
using O2C.Analytics.Tests.Support;
using static O2C.Analytics.Tests.Support.CanonicalFiles;

namespace O2C.Analytics.Tests.Pilots;

/// <summary>Issue 23: a pilot's difference in differences, hand-computed on small scenarios.</summary>
public sealed class PilotDiffInDiffTests
{
    /// <summary>
    /// Days to pay as parts (amount x days, amount):
    ///   pilot   P1 before 300/10 = 30, after 200/10 = 20; P2 before 400/10 = 40, after 360/10 = 36
    ///   control C1 before 300/10 = 30, after 330/10 = 33; C2 before 500/10 = 50, after 490/10 = 49
    /// Pilot group before (300 + 400) / 20 = 35, after (200 + 360) / 20 = 28: -7. Control before (300 + 500) / 20 = 40,
    /// after (330 + 490) / 20 = 41: +1. Difference in differences -7 - 1 = -8.
    /// </summary>
    [Fact]
    public void The_estimate_is_the_pilot_groups_change_less_the_control_groups()
    {
        CustomerChange[] four =
        [
            new("P1", true, "C", 300, 10, 200, 10), new("P2", true, "C", 400, 10, 360, 10),
            new("C1", false, "C", 300, 10, 330, 10), new("C2", false, "C", 500, 10, 490, 10),
        ];
        var d = DiffInDiff.Measure(four)!;
        Assert.Equal((35.0, 28.0, 40.0, 41.0), (d.PilotBefore, d.PilotAfter, d.ControlBefore, d.ControlAfter));
        Assert.Equal(-8.0, d.Estimate, 10);
        Assert.Equal((2, 2), (d.PilotCustomers, d.ControlCustomers));
        // Two customers a side give no interval: a bootstrap of so few is falsely narrow.
        Assert.False(d.HasInterval);
        Assert.False(d.IsEffect);

        // The same four, five times over (ten a side): the same sums, so the same -8. Resampled, the pilot group's
        // change lies between -10 (all P1) and -4 (all P2), the control's between -1 and +3: the interval is within
        // -13 to -3, holds -8, and, with -10 to -4 against -1 to +3 overlapping nowhere, leaves out 0.
        var many = Enumerable.Range(0, 5).SelectMany(i => four.Select(c => c with { CustomerId = c.CustomerId + "-" + i })).ToList();
        var ten = DiffInDiff.Measure(many)!;
        Assert.Equal(-8.0, ten.Estimate, 10);
        Assert.True(ten.HasInterval);
        Assert.InRange(-8.0, ten.Low, ten.High);
        Assert.InRange(ten.Low, -13.0, -8.0);
        Assert.InRange(ten.High, -8.0, -3.0);
        Assert.True(ten.IsEffect);
        // Without a control customer there is nothing to compare with.
        Assert.Null(DiffInDiff.Measure([new("P1", true, "C", 300, 10, 200, 10)]));
    }

    /// <summary>
    /// Through the warehouse, pilot 'trial' from 2026-04-01 with 2 months before and 2 after (February to May):
    ///   P (pilot):   invoice of 10 Feb paid 12 Mar (30 days), of 10 Apr paid 30 Apr (20 days)
    ///   K (control): invoice of 10 Feb paid 22 Mar (40 days), of 10 Apr paid 20 May (40 days)
    ///   an invoice of P issued 10 Jan (before the window) and paid 31 Jan: not counted.
    /// Days to pay: pilot 30 -> 20, control 40 -> 40: (20 - 30) - (40 - 40) = -10 days.
    /// </summary>
    [Fact]
    public void Days_to_pay_through_the_warehouse_counts_invoices_issued_in_each_window_to_their_payments_value_date()
    {
        using var w = new TempWarehouse();
        w.Write("customers.csv", Customers, Customer("P"), Customer("K"));
        w.Write("fx_rates.csv", FxRates, "2025-01-01,EUR,USD,1.10");
        w.Write("documents.csv", Documents,
            Invoice("I0", "P", "2026-01-10", "2026-02-09", "100.00"),
            Invoice("P1", "P", "2026-02-10", "2026-03-12", "100.00"), Invoice("P2", "P", "2026-04-10", "2026-05-10", "100.00"),
            Invoice("K1", "K", "2026-02-10", "2026-03-12", "100.00"), Invoice("K2", "K", "2026-04-10", "2026-05-10", "100.00"));
        w.Write("receipts.csv", Receipts,
            "R0,P,2026-01-31,2026-02-02,100.00,USD,wire,B0,I0",
            "R1,P,2026-03-12,2026-03-13,100.00,USD,wire,B1,P1", "R2,P,2026-04-30,2026-05-04,100.00,USD,wire,B2,P2",
            "R3,K,2026-03-22,2026-03-23,100.00,USD,wire,B3,K1", "R4,K,2026-05-20,2026-05-21,100.00,USD,wire,B4,K2");
        // applied a few days after the value date: the measure is dated by the customer's payment
        w.Write("applications.csv", Applications,
            "A0,R0,I0,2026-02-02,100.00,auto", "A1,R1,P1,2026-03-13,100.00,auto", "A2,R2,P2,2026-05-04,100.00,auto",
            "A3,R3,K1,2026-03-23,100.00,auto", "A4,R4,K2,2026-05-21,100.00,auto");
        w.Write("collection_strategies.csv", StrategiesHeader, "call-first,,call,-3,7,-3,call before the due date");
        w.Write("pilots.csv", PilotsHeader, "trial,call-first,2026-04-01,0.5,7,,2,2,test");
        Assert.Equal(0, new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources).RowsRejected);
        // The groups as drawn, set by hand here (the draw is tested on the sample).
        w.Warehouse.Execute("""
            INSERT INTO pilot_designs VALUES ('trial', 'call-first', DATE '2026-04-01', 0.5, 7, NULL, now()::TIMESTAMP, 2, 1, 2, 2);
            INSERT INTO pilot_assignments VALUES ('trial', 'P', 'C', 'pilot'), ('trial', 'K', 'C', 'control');
            """);
        WarehouseRefresh.Run(w.Warehouse, SqlFolder.Default(), "USD");
        var pilot = PilotEvaluation.Definition(w.Warehouse, "trial")!;
        KpiCalculator.DefineFirstDay(w.Warehouse, null);
        PilotEvaluation.DefineAsOf(w.Warehouse, new DateOnly(2026, 5, 31));
        var days = PilotMetric.All.Single(m => m.Id == "days_to_pay");
        var changes = PilotEvaluation.Changes(w.Warehouse, SqlFolder.Default(), days, "trial", pilot.BeforeFrom, pilot.Start, pilot.AfterTo);
        Assert.Equal(["K 4000/100 -> 4000/100", "P 3000/100 -> 2000/100"],
            changes.Select(c => $"{c.CustomerId} {c.NumeratorBefore}/{c.DenominatorBefore} -> {c.NumeratorAfter}/{c.DenominatorAfter}"));
        var report = PilotEvaluation.Report(w.Warehouse, SqlFolder.Default(), "trial")!;
        var effect = report.Metrics.Single(m => m.Metric.Id == "days_to_pay").Effect!;
        Assert.Equal(-10.0, effect.Estimate, 10);
        Assert.Equal((30.0, 20.0, 40.0, 40.0), (effect.PilotBefore, effect.PilotAfter, effect.ControlBefore, effect.ControlAfter));
        // One customer a side: an estimate, no interval. Not final before the May invoices have had 90 days.
        Assert.False(effect.HasInterval);
        Assert.False(report.Complete);
        Assert.Equal(new DateOnly(2026, 8, 29), pilot.FinalFrom);
    }
}
