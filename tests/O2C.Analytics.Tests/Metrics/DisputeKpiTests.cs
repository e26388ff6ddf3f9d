using O2C.Analytics.Tests.Support;
using static O2C.Analytics.Tests.Support.CanonicalFiles;

namespace O2C.Analytics.Tests.Metrics;

/// <summary>
/// Disputes and deductions, USD, no holidays (business days are Monday to Friday).
/// Invoices: I1 1,000 (02-10); I2 2,000 (03-02); I3 500 (03-05); I4 3,000 (03-09); I5 4,500 (03-16). March invoiced 10,000.
/// Disputes:
///   D1 I2 pricing 300 opened Tue 03-10, resolved Fri 03-20 valid (credit memo 300 on 03-23): 8 business days, SLA 10: met; 10 days
///   D2 I3 tax 500 opened Thu 03-12, resolved Tue 03-31 invalid: 13 business days, SLA 20: met; 19 days
///   D3 I1 duplicate_billing 1,000 opened Fri 02-20, resolved Wed 03-04 valid (credit memo 1,000 on 03-06): 8 business days, SLA 5: missed; 12 days
///   D4 I4 quantity 1,000 opened 03-25, still open
///   D5 I2 delivery 100 opened 03-15, resolved 04-02 (open at the end of March)
/// Deduction DED1: I5 paid 4,050 on 03-20 (450 short); ruled invalid 03-27; 300 recovered 04-15 (within 60 days), 150 on 05-28 (after).
/// </summary>
public sealed class DisputeKpiTests : IClassFixture<DisputeKpiTests.Scenario>
{
    private readonly Scenario _s;

    public DisputeKpiTests(Scenario s) => _s = s;

    public sealed class Scenario : KpiScenario
    {
        protected override void WriteFiles(TempWarehouse w)
        {
            w.Write("customers.csv", Customers, Customer("C1"));
            w.Write("documents.csv", Documents,
                Invoice("I1", "C1", "2026-02-10", "2026-03-12", "1000.00"),
                Invoice("I2", "C1", "2026-03-02", "2026-04-01", "2000.00"),
                Invoice("I3", "C1", "2026-03-05", "2026-04-04", "500.00"),
                Invoice("I4", "C1", "2026-03-09", "2026-04-08", "3000.00"),
                Invoice("I5", "C1", "2026-03-16", "2026-04-15", "4500.00"),
                "CM1,credit_memo,C1,,,2026-03-23,2026-03-23,,300.00,USD,I2,D1,email",
                "CM3,credit_memo,C1,,,2026-03-06,2026-03-06,,1000.00,USD,I1,D3,email");
            w.Write("disputes.csv", Disputes,
                "D1,dispute,I2,C1,pricing,300.00,USD,2026-03-10,2026-03-10,2026-03-20,valid,,bpo",
                "D2,dispute,I3,C1,tax,500.00,USD,2026-03-12,2026-03-12,2026-03-31,invalid,,client",
                "D3,dispute,I1,C1,duplicate_billing,1000.00,USD,2026-02-20,2026-02-23,2026-03-04,valid,,bpo",
                "D4,dispute,I4,C1,quantity,1000.00,USD,2026-03-25,,,,,bpo",
                "D5,dispute,I2,C1,delivery,100.00,USD,2026-03-15,2026-03-16,2026-04-02,invalid,,bpo",
                "DED1,deduction,I5,C1,promotion,450.00,USD,2026-03-20,2026-03-20,2026-03-27,invalid,300.00,bpo");
            w.Write("receipts.csv", Receipts,
                "R1,C1,2026-03-20,2026-03-20,4050.00,USD,ach,,I5", "R2,C1,2026-04-15,2026-04-15,300.00,USD,ach,,I5",
                "R3,C1,2026-05-28,2026-05-28,150.00,USD,ach,,I5");
            w.Write("applications.csv", Applications,
                "A1,R1,I5,2026-03-20,4050.00,auto", "A2,R2,I5,2026-04-15,300.00,manual", "A3,R3,I5,2026-05-28,150.00,manual");
        }
    }

    [Fact]
    public void Dispute_rate_by_value_of_invoicing()
    {
        // March: disputes opened on I2 (twice, counted once), I3, I4: 2,000 + 500 + 3,000 = 5,500 of 10,000 invoiced.
        Assert.Equal(55m, _s.Value("dispute_rate", "2026-03"));
        Assert.Equal(100m, _s.Value("dispute_rate", "2026-02")); // I1 1,000 of 1,000
    }

    [Fact]
    public void Dispute_cycle_time_over_disputes_resolved_in_the_month_and_by_category()
    {
        Assert.Equal(13.666667m, _s.Value("dispute_cycle_time", "2026-03")); // (10 + 19 + 12) / 3
        Assert.Equal(19m, _s.Value("dispute_cycle_time", "2026-03", "dispute_category", "tax"));
        Assert.Equal(18m, _s.Value("dispute_cycle_time", "2026-04")); // D5: 04-02 - 03-15
    }

    [Fact]
    public void Dispute_sla_compliance_in_business_days_by_category()
    {
        Assert.Equal(66.666667m, _s.Value("dispute_sla_compliance", "2026-03")); // D1, D2 met; D3 missed
        Assert.Equal(0m, _s.Value("dispute_sla_compliance", "2026-03", "dispute_category", "duplicate_billing"));
        Assert.Equal(100m, _s.Value("dispute_sla_compliance", "2026-03", "dispute_category", "pricing"));
    }

    [Fact]
    public void Disputed_ar_is_ar_on_documents_with_a_dispute_open_at_month_end()
    {
        // AR at 31 March: I1 0 (credit memo), I2 2,000 - 300 = 1,700, I3 500, I4 3,000, I5 4,500 - 4,050 = 450: 5,650.
        // Open disputes then: D4 (I4) and D5 (I2, resolved only on 2 April): 1,700 + 3,000 = 4,700 -> 83.1858407...%
        var disputed = _s.Kpi("disputed_ar_pct", "2026-03");
        Assert.Equal((4700m, 5650m), (disputed.Numerator, disputed.Denominator));
        Assert.Equal(83.185841m, disputed.Value);
    }

    [Fact]
    public void Invalid_deduction_recovery_within_60_days_on_the_matured_cohort()
    {
        // Ruled 03-27; window ends 05-26 (May). Recovered within it: 300 (04-15); 150 on 05-28 is too late. 300 / 450.
        Assert.Equal(66.666667m, _s.Value("invalid_deduction_recovery_rate", "2026-05"));
        Assert.Null(_s.Value("invalid_deduction_recovery_rate", "2026-03"));
    }
}
