using O2C.Analytics.Load;
using O2C.Analytics.Sla;
using O2C.Analytics.Storage;
using O2C.Analytics.Tests.Support;
using static O2C.Analytics.Tests.Support.CanonicalFiles;

namespace O2C.Analytics.Tests.Sla;

/// <summary>
/// The SLA measurement (sql/sla/measure.sql and its events) at its date edges, in March 2026 (the 2nd a Monday, the
/// 31st a Tuesday and the quarter end). The data's last day is 31 March: receipt R1. Invoices are sent within 1
/// business day of shipment, broken promises followed up within 2:
///   S1 shipped Mon 30 March, sent Tue 31 March, on the quarter end;
///   S2 shipped and invoiced Thu 5 March, sent Mon 9 March; S3 shipped Thu 5 March, invoiced Fri 6, sent Mon 9;
///   S4 shipped Mon 16 March (deadline Tue 17), sent Wed 18: a staffing gap from 10 to 16 March ends on its start;
///   S5 shipped Mon 23 March (deadline Tue 24), sent Thu 26: a system outage from 24 to 27 March begins on its deadline;
///   S6 (EUR 100.00, C2) shipped Mon 2 March, sent Tue 3: one EUR is 1.10 USD, and 1.20 from 31 March;
///   P1 promised I9's 500.00 for Mon 2 March and did not pay: contacted that same day, and again on Wed 4 March.
/// </summary>
public sealed class SlaBoundaryTests : KpiScenario
{
    private static readonly SlaContract Contract = new() { BpoTeams = ["Team A"] };

    protected override void WriteFiles(TempWarehouse w)
    {
        w.Write("customers.csv", Customers, Customer("C1"), Customer("C2", "EUR", "EMEA"));
        w.Write("fx_rates.csv", FxRates, "2026-01-01,EUR,USD,1.10", "2026-03-31,EUR,USD,1.20");
        static string Shipped(string id, string customer, string ship, string invoiced, string sent, string amount = "100.00", string currency = "USD") =>
            $"{id},invoice,{customer},{ship},{ship},{invoiced},{sent},2026-12-31,{amount},{currency},,,email";
        w.Write("documents.csv", Documents,
            Shipped("S1", "C1", "2026-03-30", "2026-03-30", "2026-03-31"),
            Shipped("S2", "C1", "2026-03-05", "2026-03-05", "2026-03-09"),
            Shipped("S3", "C1", "2026-03-05", "2026-03-06", "2026-03-09"),
            Shipped("S4", "C1", "2026-03-16", "2026-03-16", "2026-03-18"),
            Shipped("S5", "C1", "2026-03-23", "2026-03-23", "2026-03-26"),
            Shipped("S6", "C2", "2026-03-02", "2026-03-02", "2026-03-03", "100.00", "EUR"),
            Invoice("I9", "C1", "2026-02-02", "2026-03-04", "500.00"));
        w.Write("receipts.csv", Receipts, "R1,C1,2026-03-31,2026-03-31,10.00,USD,wire,REF1,");
        w.Write("promises_to_pay.csv", Promises, "P1,C1,I9,2026-02-25,2026-03-02,500.00,USD,Ann");
        w.Write("collection_activities.csv", Activities, "ACT1,C1,I9,2026-03-02,email,sent,Ann", "ACT2,C1,I9,2026-03-04,call,no_answer,Ann");
        w.Write("service_events.csv", "event_id,kind,start_date,end_date,team,note",
            "E1,staffing_gap,2026-03-10,2026-03-16,,two collectors off", "E2,system_outage,2026-03-24,2026-03-27,,ERP down");
    }

    private SlaRunResult Measure() => SlaRunner.Run(W.Warehouse, SqlFolder.Default(), SlaCatalog.Defaults, Contract);

    private (string Quarter, DateOnly? End, int Elapsed, string Status, string Cause, decimal AmountRc) Get(string sla, string item) =>
        W.Warehouse.Query("""
            SELECT quarter, end_date, elapsed_days, status, cause, amount_rc FROM sla_measurements WHERE sla_id = $s AND item_id = $i
            """, r => (r.GetString(0), r.IsDBNull(1) ? (DateOnly?)null : r.GetFieldValue<DateOnly>(1), r.GetInt32(2), r.GetString(3), r.GetString(4), r.GetDecimal(5)),
            ("s", sla), ("i", item)).Single();

    [Fact]
    public void A_quarter_ending_on_the_datas_last_day_is_closed_and_an_item_done_on_that_day_is_seen_done()
    {
        var result = Measure();
        Assert.Equal((new DateOnly(2026, 3, 31), new SlaQuarter(2026, 1)), (result.Horizon, result.LatestClosedQuarter));
        Assert.Equal(6L, W.Warehouse.Scalar<long>("SELECT count(*) FROM sla_measurements WHERE sla_id = 'invoice_sent' AND quarter = '2026Q1'"));
        // S1: Mon 30 -> Tue 31 March = 1 business day, done on the quarter end: met, not open.
        var s1 = Get("invoice_sent", "S1");
        Assert.Equal(("2026Q1", (DateOnly?)new DateOnly(2026, 3, 31), 1, "met"), (s1.Quarter, s1.End, s1.Elapsed, s1.Status));
    }

    [Fact]
    public void An_invoice_dated_on_its_shipment_day_is_not_late_invoicing()
    {
        Measure();
        // Thu 5 -> Mon 9 March = 2 business days: late. S2 was invoiced the day it shipped: the delay is in dispatch.
        var s2 = Get("invoice_sent", "S2");
        Assert.Equal((2, "late", "late dispatch"), (s2.Elapsed, s2.Status, s2.Cause));
        Assert.Equal("late invoicing", Get("invoice_sent", "S3").Cause);
    }

    [Fact]
    public void A_disruption_ending_on_an_items_start_or_beginning_on_its_deadline_is_its_cause()
    {
        Measure();
        Assert.Equal("staffing gap", Get("invoice_sent", "S4").Cause);
        Assert.Equal("system outage", Get("invoice_sent", "S5").Cause);
    }

    [Fact]
    public void A_contact_on_the_promised_pay_date_is_not_the_follow_up_of_the_broken_promise()
    {
        Measure();
        // The follow-up is the first contact after Mon 2 March: Wed 4 March, 2 business days: met.
        var p1 = Get("ptp_followup", "P1");
        Assert.Equal(((DateOnly?)new DateOnly(2026, 3, 4), 2, "met"), (p1.End, p1.Elapsed, p1.Status));
    }

    [Fact]
    public void The_amount_concerned_converts_at_the_rate_published_on_the_quarter_end()
    {
        Measure();
        Assert.Equal(120.00m, Get("invoice_sent", "S6").AmountRc); // EUR 100.00 x 1.20
    }

    [Fact]
    public void A_late_fact_dated_on_the_quarter_end_has_that_quarter_measured_again_not_dropped()
    {
        Measure();
        string Rows() => string.Join("\n", W.Warehouse.Query("SELECT CAST(m AS VARCHAR) FROM sla_measurements m ORDER BY 1", r => r.GetString(0)));
        var before = Rows();
        // A contact with C2 on 31 March arrives late: the measurement runs again from 31 March, the 2026Q1 quarter end.
        W.Write("collection_activities-late.csv", Activities, "ACT3,C2,S6,2026-03-31,call,no_answer,Ann");
        Assert.Equal(0, new CanonicalLoader(W.Warehouse).LoadFolder(W.Sources).RowsRejected);
        Measure();
        Assert.Contains("2026Q1", before);
        Assert.Equal(before, Rows());
    }
}
