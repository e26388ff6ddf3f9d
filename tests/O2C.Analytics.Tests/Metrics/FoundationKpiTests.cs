using O2C.Analytics.Load;
using O2C.Analytics.Metrics;
using O2C.Analytics.Pipeline;
using O2C.Analytics.Tests.Support;
using O2C.Analytics.Storage;
using static O2C.Analytics.Tests.Support.CanonicalFiles;

namespace O2C.Analytics.Tests.Metrics;

/// <summary>
/// DSO, BPDSO, ADD, CEI and STP rates on a tiny data set, worked out by hand.
///
/// Customers: C1 bills in USD, C2 in EUR. EUR->USD: 1.10 from 2026-01-01, 1.15 from 2026-03-15, 1.20 on 2026-03-31.
/// Documents:
///   I1  C1 invoice 2026-01-10 due 2026-02-09  1,000.00 USD
///   I2  C1 invoice 2026-02-15 due 2026-03-17  2,000.00 USD
///   I3  C1 invoice 2026-03-20 due 2026-04-19  3,000.00 USD
///   I4  C2 invoice 2026-03-16 due 2026-03-30    500.00 EUR  (a foreign-currency invoice)
///   CM1 C1 credit memo 2026-03-05 on I1 (past due by then)  100.00 USD
/// Receipts and applications:
///   R1 C1 2026-02-05   500.00 USD -> I1 auto    (partial payment of I1 before its due date)
///   R2 C1 2026-03-31 2,000.00 USD -> I2 manual  (paid on the last day of March: counts in March)
///   R3 C1 2026-04-01   400.00 USD -> I1 auto    (the day after month end: must not touch March)
///   R4 C2 2026-03-20   300.00 EUR -> I4 auto    (partial, before due)
///   R5 C1 2026-03-10    50.00 USD    unapplied
/// </summary>
public sealed class FoundationKpiTests : IDisposable
{
    private readonly TempWarehouse _w = new();

    public FoundationKpiTests()
    {
        _w.Write("customers.csv", Customers, Customer("C1", "USD", "North America"), Customer("C2", "EUR", "EMEA"));
        _w.Write("fx_rates.csv", FxRates, "2026-01-01,EUR,USD,1.10", "2026-03-15,EUR,USD,1.15", "2026-03-31,EUR,USD,1.20");
        _w.Write("documents.csv", Documents,
            Invoice("I1", "C1", "2026-01-10", "2026-02-09", "1000.00"),
            Invoice("I2", "C1", "2026-02-15", "2026-03-17", "2000.00"),
            Invoice("I3", "C1", "2026-03-20", "2026-04-19", "3000.00"),
            Invoice("I4", "C2", "2026-03-16", "2026-03-30", "500.00", "EUR"),
            "CM1,credit_memo,C1,,,2026-03-05,2026-03-05,,100.00,USD,I1,,email");
        _w.Write("receipts.csv", Receipts,
            "R1,C1,2026-02-05,2026-02-05,500.00,USD,ach,,I1",
            "R2,C1,2026-03-31,2026-03-31,2000.00,USD,ach,,I2",
            "R3,C1,2026-04-01,2026-04-01,400.00,USD,ach,,I1",
            "R4,C2,2026-03-20,2026-03-20,300.00,EUR,sepa,,I4",
            "R5,C1,2026-03-10,2026-03-10,50.00,USD,ach,,");
        _w.Write("applications.csv", Applications,
            "A1,R1,I1,2026-02-05,500.00,auto",
            "A2,R2,I2,2026-03-31,2000.00,manual",
            "A3,R3,I1,2026-04-01,400.00,auto",
            "A4,R4,I4,2026-03-20,300.00,auto");
        new CanonicalLoader(_w.Warehouse).LoadFolder(_w.Sources);
        WarehouseRefresh.Run(_w.Warehouse, SqlFolder.Default(), "USD");
    }

    public void Dispose() => _w.Dispose();

    private static readonly DateOnly March = new(2026, 3, 31);
    private static readonly DateOnly February = new(2026, 2, 28);

    private KpiValue Company(string kpi, DateOnly month) =>
        KpiValueReader.Read(_w.Warehouse, periodEnd: month).Single(v => v.KpiId == kpi);

    // AR at 31 March: I1 1,000 - 500 (R1) - 100 (CM1) = 400 past due (R3 is April);
    // I2 2,000 - 2,000 = 0; I3 3,000 current; I4 (500 - 300) EUR x 1.20 = 240.00 past due (due 30 March).
    // AR_end = 3,640.00; past due 640.00; current 3,000.00.
    // Credit sales: Jan 1,000; Feb 2,000; Mar 3,000 + 500 x 1.15 (rate of 16 March) - 100 = 3,475.00; window 6,475.00.
    // Days in the window Jan-Mar 2026: 31 + 28 + 31 = 90.

    [Fact]
    public void Dso_is_march_ar_over_three_months_sales_times_ninety_days()
    {
        var dso = Company("dso", March);
        Assert.Equal(3640.00m * 90, dso.Numerator);
        Assert.Equal(6475.00m, dso.Denominator);
        Assert.Equal(50.594595m, dso.Value); // 327,600 / 6,475 = 50.5945945...
    }

    [Fact]
    public void Best_possible_dso_uses_current_ar_only() =>
        Assert.Equal(41.698842m, Company("bpdso", March).Value); // 3,000 x 90 / 6,475 = 41.6988416...

    [Fact]
    public void Add_is_dso_minus_bpdso()
    {
        Assert.Equal(8.895753m, Company("add", March).Value); // 640 x 90 / 6,475 = 8.8957528...
        Assert.Equal(Company("dso", March).Value - Company("bpdso", March).Value, Company("add", March).Value);
    }

    [Fact]
    public void Dso_needs_three_months_of_history()
    {
        var february = Company("dso", February);
        Assert.Null(february.Value);
        Assert.Equal("not available: needs 3 months of history", february.Note);
    }

    [Fact]
    public void Cei_for_march_and_february()
    {
        // March: AR_begin = AR at 28 Feb = I1 500 + I2 2,000 = 2,500.
        // (2,500 + 3,475 - 3,640) / (2,500 + 3,475 - 3,000) x 100 = 2,335 / 2,975 x 100 = 78.4873949...
        Assert.Equal(78.487395m, Company("cei", March).Value);
        // February: AR_begin 1,000 (I1 at 31 Jan); sales 2,000; AR_end 2,500 of which current 2,000 (I2).
        // (1,000 + 2,000 - 2,500) / (1,000 + 2,000 - 2,000) x 100 = 50.
        Assert.Equal(50m, Company("cei", February).Value);
    }

    [Fact]
    public void Stp_rate_counts_receipts_fully_auto_applied_by_month_end()
    {
        // March receipts: R2 (manual), R4 (auto, fully applied), R5 (unapplied): 1 of 3.
        var count = Company("stp_rate_count", March);
        Assert.Equal((1m, 3m), (count.Numerator, count.Denominator));
        Assert.Equal(33.333333m, count.Value);
        // By value: R4 300 EUR x 1.15 = 345.00 of 2,000 + 345 + 50 = 2,395.00 -> 14.4050104...%
        Assert.Equal(14.405010m, Company("stp_rate_value", March).Value);
    }

    [Fact]
    public void A_payment_dated_the_day_after_month_end_does_not_reduce_that_month()
    {
        var i1 = _w.Warehouse.Scalar<decimal>("SELECT open_amount FROM fct_ar_snapshot_monthly WHERE document_id = 'I1' AND month_end = DATE '2026-03-31'");
        Assert.Equal(400.00m, i1);
        var april = _w.Warehouse.Scalar<long>("SELECT count(*) FROM fct_ar_snapshot_monthly WHERE document_id = 'I1' AND month_end = DATE '2026-04-30'");
        Assert.Equal(0, april); // 400 - 400 (R3 on 1 April) = 0: no longer open
    }

    [Fact]
    public void Regional_parts_add_up_to_the_company_value()
    {
        var regions = KpiValueReader.Read(_w.Warehouse, "region", March).Where(v => v.KpiId == "dso").ToList();
        Assert.Equal(["EMEA", "North America"], regions.Select(r => r.Member).Order());
        Assert.Equal(Company("dso", March).Numerator, regions.Sum(r => r.Numerator));
        Assert.Equal(Company("dso", March).Denominator, regions.Sum(r => r.Denominator));
        // EMEA: AR 240 x 90 / sales 575 = 37.5652173...
        Assert.Equal(37.565217m, regions.Single(r => r.Member == "EMEA").Value);
    }
}
