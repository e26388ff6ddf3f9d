using O2C.Analytics.Reports.Summary;

namespace O2C.Analytics.Tests.Reports.Summary;

/// <summary>The member named as the driver of a KPI's change is the one with the largest contribution (issue 20), by hand.</summary>
public sealed class KpiChangeDriversTests
{
    /// <summary>Cash collected: A 100 -> 80 (-20), B 50 -> 60 (+10), C 30 -> 5 (-25); total 180 -> 145, -35. C drove it down.</summary>
    [Fact]
    public void An_amount_is_driven_by_the_member_whose_own_change_went_furthest_its_way()
    {
        MemberParts[] members = [new("A", 100, null, 80, null), new("B", 50, null, 60, null), new("C", 30, null, 5, null)];
        Assert.Equal([new("A", -20m), new("B", 10m), new("C", -25m)], KpiChangeDrivers.Contributions(members, 1));
        Assert.Equal(new MemberContribution("C", -25m), KpiChangeDrivers.Driver(members, 1));
    }

    /// <summary>
    /// Past due % (scale 100). Before: A 10 of 100, B 30 of 100: 40 / 200 = 20 %. After: A 10 of 100, B 60 of 200
    /// (still 30 %, but twice the AR): 70 / 300 = 23.33 %, +3.33 points. A: 100 x (0 - 0.2 x 0) / 300 = 0.
    /// B: 100 x (30 - 0.2 x 100) / 300 = 3.33: B drove it up by growing at a rate above the old average.
    /// </summary>
    [Fact]
    public void A_ratio_is_driven_by_the_member_whose_numerator_outgrew_its_weight()
    {
        MemberParts[] members = [new("A", 10, 100, 10, 100), new("B", 30, 100, 60, 200)];
        var contributions = KpiChangeDrivers.Contributions(members, 100);
        Assert.Equal(0m, contributions[0].Contribution);
        Assert.Equal(3.3333m, Math.Round(contributions[1].Contribution, 4));
        Assert.Equal(70m / 300m * 100 - 20m, contributions.Sum(c => c.Contribution), 10); // adds up to the change exactly
        Assert.Equal("B", KpiChangeDrivers.Driver(members, 100)!.Member);
    }

    /// <summary>A member new in the later month counts as 0 before: D 0 -> 10 of 50 lifts 20 % (20 of 100) to 30 / 150 = 20 %: no change, no driver.</summary>
    [Fact]
    public void A_member_missing_in_one_month_counts_as_zero_and_no_change_has_no_driver()
    {
        MemberParts[] members = [new("A", 20, 100, 20, 100), new("D", null, null, 10, 50)];
        Assert.Null(KpiChangeDrivers.Driver(members, 100));
    }
}
