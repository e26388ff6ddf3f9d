using O2C.Analytics.Sla;

namespace O2C.Analytics.Tests.Sla;

/// <summary>
/// Service credits per the contract (issue 18), by hand. Cap 6,000 a quarter, earn-back on.
///   SLA A: BPO-owned, 50 per breach, 2,500 per missed target. SLA B: BPO-owned, 5,000 per missed target.
///   SLA C: client-owned, 100 per breach (never credited: the client's own). SLA D: per item, 20 per BPO breach.
/// 2026Q1: A 30 BPO breaches, missed -> 1,500 + 2,500 = 4,000; B missed -> 5,000; C 40 breaches -> 0;
///         D 10 BPO breaches -> 200. Gross 9,200, capped 6,000: each keeps its share 6,000 / 9,200:
///         A 2,608.70, B 3,260.87, D 130.43.
/// 2026Q2: A 10 breaches, target met -> 500; B missed again -> 5,000; D 0. Gross 5,500 (under the cap).
///         Earned back: A met after missing; its missed-target credit as credited in Q1 = 2,500 x 6,000 / 9,200
///         = 1,630.43. B missed again: nothing. Net = 5,500 - 1,630.43 = 3,869.57.
/// 2026Q4 (Q3 missing): A met, but the quarter before is not in the results: nothing earned back.
/// </summary>
public sealed class SlaServiceCreditsTests
{
    private static readonly SlaContract Contract = new() { CreditCapPerQuarter = 6_000m, EarnBack = true };

    private static SlaQuarterResult R(string sla, string quarter, string owner, bool met, long bpoBreaches, decimal? perBreach, decimal? perMiss) =>
        new(sla, SlaQuarter.Parse(quarter), owner, met, bpoBreaches, perBreach, perMiss);

    private static readonly SlaQuarterResult[] Results =
    [
        R("A", "2026Q1", "bpo", false, 30, 50m, 2_500m), R("B", "2026Q1", "bpo", false, 0, null, 5_000m),
        R("C", "2026Q1", "client", false, 40, 100m, null), R("D", "2026Q1", "per item", true, 10, 20m, null),
        R("A", "2026Q2", "bpo", true, 10, 50m, 2_500m), R("B", "2026Q2", "bpo", false, 0, null, 5_000m),
        R("C", "2026Q2", "client", true, 5, 100m, null), R("D", "2026Q2", "per item", true, 0, 20m, null),
        R("A", "2026Q4", "bpo", true, 0, 50m, 2_500m),
    ];

    [Fact]
    public void A_quarter_over_the_cap_shares_the_cap_in_proportion()
    {
        var q1 = SlaServiceCredits.Compute(Results, Contract)[0];
        Assert.Equal((9_200m, 6_000m, 0m, 6_000m), (q1.Gross, q1.Capped, q1.EarnedBack, q1.Net));
        var a = q1.BySla.Single(c => c.SlaId == "A");
        Assert.Equal((1_500m, 2_500m, 2_608.70m), (a.BreachCredit, a.MissedTargetCredit, a.Credited));
        Assert.Equal(3_260.87m, q1.BySla.Single(c => c.SlaId == "B").Credited);
        Assert.Equal(130.43m, q1.BySla.Single(c => c.SlaId == "D").Credited);
        // The client's own SLA never earns a credit, however many breaches.
        var c = q1.BySla.Single(c => c.SlaId == "C");
        Assert.Equal((0L, 0m, 0m), (c.BpoBreaches, c.Gross, c.Credited));
    }

    [Fact]
    public void A_target_met_again_earns_back_last_quarters_missed_target_credit_as_credited()
    {
        var q2 = SlaServiceCredits.Compute(Results, Contract)[1];
        Assert.Equal((5_500m, 5_500m), (q2.Gross, q2.Capped));
        Assert.Equal(1_630.43m, q2.BySla.Single(c => c.SlaId == "A").EarnedBack);
        Assert.Equal(0m, q2.BySla.Single(c => c.SlaId == "B").EarnedBack);
        Assert.Equal((1_630.43m, 3_869.57m), (q2.EarnedBack, q2.Net));
    }

    [Fact]
    public void Nothing_is_earned_back_across_a_gap_or_when_the_contract_has_no_earn_back()
    {
        Assert.Equal(0m, SlaServiceCredits.Compute(Results, Contract)[2].EarnedBack);
        var noEarnBack = SlaServiceCredits.Compute(Results, new SlaContract { CreditCapPerQuarter = null, EarnBack = false });
        Assert.Equal((9_200m, 9_200m), (noEarnBack[0].Gross, noEarnBack[0].Capped));
        Assert.Equal(0m, noEarnBack[1].EarnedBack);
    }
}
