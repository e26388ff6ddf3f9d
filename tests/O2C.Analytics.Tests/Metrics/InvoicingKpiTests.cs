using O2C.Analytics.Tests.Support;
using static O2C.Analytics.Tests.Support.CanonicalFiles;

namespace O2C.Analytics.Tests.Metrics;

/// <summary>
/// Invoicing in March 2026; Monday 2026-03-09 is a holiday.
///   I1 shipped Fri 03-06, sent Tue 03-10 -> 1 business day (Monday is a holiday): timely; e-invoice; 1,000
///   I2 shipped Wed 03-11, sent Wed 03-11 -> 0: timely; email; 2,000 (credit memo of 200 on 03-25)
///   I3 shipped Thu 03-12, invoiced Fri 03-13, sent Mon 03-16 -> 2: late; paper; 500 (rebilled 05-20, after 60 days)
///   I4 shipped Fri 03-20, sent Fri 03-20 -> 0: timely; portal; 1,500
///   I5 a service invoice with no shipment, sent 03-25; email; 1,000
///   I6 the rebill of I3, 2026-05-20, 500
/// </summary>
public sealed class InvoicingKpiTests : IClassFixture<InvoicingKpiTests.Scenario>
{
    private readonly Scenario _s;

    public InvoicingKpiTests(Scenario s) => _s = s;

    public sealed class Scenario : KpiScenario
    {
        protected override void WriteFiles(TempWarehouse w)
        {
            w.Write("customers.csv", Customers, Customer("C1"));
            w.Write("holidays.csv", Holidays, "2026-03-09,Test holiday");
            w.Write("documents.csv", Documents,
                "I1,invoice,C1,,2026-03-06,2026-03-06,2026-03-10,2026-04-05,1000.00,USD,,,e_invoice",
                "I2,invoice,C1,,2026-03-11,2026-03-11,2026-03-11,2026-04-10,2000.00,USD,,,email",
                "I3,invoice,C1,,2026-03-12,2026-03-13,2026-03-16,2026-04-12,500.00,USD,,,paper",
                "I4,invoice,C1,,2026-03-20,2026-03-20,2026-03-20,2026-04-19,1500.00,USD,,,portal",
                "I5,invoice,C1,,,2026-03-25,2026-03-25,2026-04-24,1000.00,USD,,,email",
                "CM1,credit_memo,C1,,,2026-03-25,2026-03-25,,200.00,USD,I2,,email",
                "I6,invoice,C1,,,2026-05-20,2026-05-20,2026-06-19,500.00,USD,I3,,email");
        }
    }

    [Fact]
    public void Invoice_timeliness_counts_business_days_from_shipment() =>
        Assert.Equal(75m, _s.Value("invoice_timeliness_rate", "2026-03")); // I1, I2, I4 of the 4 with a shipment

    [Fact]
    public void Invoice_cycle_time_in_business_days() =>
        Assert.Equal(0.75m, _s.Value("invoice_cycle_time", "2026-03")); // (1 + 0 + 2 + 0) / 4

    [Fact]
    public void E_invoicing_rate() =>
        Assert.Equal(40m, _s.Value("e_invoicing_rate", "2026-03")); // e-invoice I1 and portal I4 of 5 invoices

    [Fact]
    public void Credit_memos_as_a_share_of_gross_invoicing() =>
        Assert.Equal(3.333333m, _s.Value("credit_memo_pct", "2026-03")); // 200 / (1,000 + 2,000 + 500 + 1,500 + 1,000)

    [Fact]
    public void First_time_right_is_measured_when_the_60_days_have_passed()
    {
        // The March invoices' 60 days end in May (03-06 + 60 = 05-05 ... 03-25 + 60 = 05-24): they are May's cohort.
        // I2 was corrected within 60 days (credit memo 03-25); I3's rebill came on 05-20, 68 days later: still right.
        Assert.Equal(80m, _s.Value("first_time_right_rate", "2026-05")); // 4 of 5
        Assert.Equal("not available: nothing to measure for this month and member (denominator 0)", _s.Kpi("first_time_right_rate", "2026-03").Note);
    }
}
