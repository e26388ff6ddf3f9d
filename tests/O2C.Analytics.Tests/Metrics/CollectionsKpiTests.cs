using O2C.Analytics.Tests.Support;
using static O2C.Analytics.Tests.Support.CanonicalFiles;

namespace O2C.Analytics.Tests.Metrics;

/// <summary>
/// Collections, USD. Collectors: C1 and C2 Ann, C3 Bob, C4 none.
/// Invoices: I1 C1 1,000 (01-10, due 02-09); I2 C3 2,000 (01-15, due 02-14); I3 C2 500 (02-01, due 03-03); I4 C4 300 (02-01, due 03-03).
/// Cash: I1 1,000 on 03-04; I2 1,500 on 03-12 and 500 on 03-20; I3 500 on 04-01; I4 never.
/// Promises: P1 I1 made 02-20 for 03-02, 1,000 (grace to 03-04): kept. P2 I2 made 02-25 for 03-10, 2,000 (grace to
/// 03-12): only 1,500 by then, broken. P3 I3 made 03-20 for 03-30 (grace to 04-01): kept, April's cohort.
/// Dunning letters: L1 I1 02-19 (14 days to 03-05, paid 03-04: effective), L2 I2 02-24 (to 03-10, paid 03-20: not),
/// L3 I4 03-13 (to 03-27, never paid: not), L4 I3 03-25 (to 04-08, paid 04-01: effective, April).
/// </summary>
public sealed class CollectionsKpiTests : IClassFixture<CollectionsKpiTests.Scenario>
{
    private readonly Scenario _s;

    public CollectionsKpiTests(Scenario s) => _s = s;

    public sealed class Scenario : KpiScenario
    {
        protected override void WriteFiles(TempWarehouse w)
        {
            w.Write("customers.csv", Customers,
                "C1,One,SMB,EMEA,GB,USD,30,,B,Ann,Team A,false", "C2,Two,SMB,EMEA,GB,USD,30,,B,Ann,Team A,false",
                "C3,Three,SMB,EMEA,GB,USD,30,,B,Bob,Team B,false", "C4,Four,SMB,EMEA,GB,USD,30,,B,,,false");
            w.Write("documents.csv", Documents,
                Invoice("I1", "C1", "2026-01-10", "2026-02-09", "1000.00"), Invoice("I2", "C3", "2026-01-15", "2026-02-14", "2000.00"),
                Invoice("I3", "C2", "2026-02-01", "2026-03-03", "500.00"), Invoice("I4", "C4", "2026-02-01", "2026-03-03", "300.00"));
            w.Write("receipts.csv", Receipts,
                "R1,C1,2026-03-04,2026-03-04,1000.00,USD,ach,,I1", "R2,C3,2026-03-12,2026-03-12,1500.00,USD,ach,,I2",
                "R3,C3,2026-03-20,2026-03-20,500.00,USD,ach,,I2", "R4,C2,2026-04-01,2026-04-01,500.00,USD,ach,,I3");
            w.Write("applications.csv", Applications,
                "A1,R1,I1,2026-03-04,1000.00,auto", "A2,R2,I2,2026-03-12,1500.00,auto", "A3,R3,I2,2026-03-20,500.00,auto",
                "A4,R4,I3,2026-04-01,500.00,auto");
            w.Write("promises_to_pay.csv", Promises,
                "P1,C1,I1,2026-02-20,2026-03-02,1000.00,USD,Ann", "P2,C3,I2,2026-02-25,2026-03-10,2000.00,USD,Bob",
                "P3,C2,I3,2026-03-20,2026-03-30,500.00,USD,Ann");
            w.Write("collection_activities.csv", Activities,
                "L1,C1,I1,2026-02-19,dunning_letter,sent,Ann", "L2,C3,I2,2026-02-24,dunning_letter,sent,Bob",
                "L3,C4,I4,2026-03-13,dunning_letter,sent,", "L4,C2,I3,2026-03-25,dunning_letter,sent,Ann",
                "E1,C1,I1,2026-02-12,email,sent,Ann");
        }
    }

    [Fact]
    public void Promise_to_pay_kept_rate_on_promises_whose_grace_ended_in_the_month()
    {
        Assert.Equal(50m, _s.Value("ptp_kept_rate", "2026-03"));  // P1 kept, P2 broken
        Assert.Equal(100m, _s.Value("ptp_kept_rate", "2026-04")); // P3 kept
    }

    [Fact]
    public void Cash_per_collector_divides_by_active_named_collectors()
    {
        // March cash applied: Ann's C1 1,000; Bob's C3 2,000. Active: Ann (C1 cash, C2 AR), Bob; C4 has no collector.
        Assert.Equal((3000m, 2m), (_s.Kpi("cash_per_collector", "2026-03").Numerator, _s.Kpi("cash_per_collector", "2026-03").Denominator));
        Assert.Equal(1500m, _s.Value("cash_per_collector", "2026-03"));
        Assert.Equal(2000m, _s.Value("cash_per_collector", "2026-03", "collector", "Bob"));
        Assert.Null(_s.Value("cash_per_collector", "2026-03", "collector", "Unassigned"));
    }

    [Fact]
    public void Dunning_effectiveness_on_letters_whose_14_days_ended_in_the_month()
    {
        Assert.Equal(33.333333m, _s.Value("dunning_effectiveness", "2026-03")); // L1 of L1, L2, L3
        Assert.Equal(100m, _s.Value("dunning_effectiveness", "2026-04"));       // L4
    }
}
