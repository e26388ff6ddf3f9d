namespace O2C.Analytics.Reports.Summary;

/// <summary>One member of a dimension (a segment, a region, an aging bucket) with the parts its KPI value is computed from, in two months.</summary>
public sealed record MemberParts(string Member, decimal? NumeratorBefore, decimal? DenominatorBefore, decimal? NumeratorAfter, decimal? DenominatorAfter);

/// <summary>How much of a KPI's change between two months one member accounts for, in the KPI's unit.</summary>
public sealed record MemberContribution(string Member, decimal Contribution);

/// <summary>
/// Which members drove a KPI's change between two months, from the parts the KPI is computed from (kpi_values'
/// numerator and denominator per member), so the summary can say "driven by the SMB segment".
/// An amount (no denominator) moves by the sum of its members' changes: scale x (N_after - N_before).
/// A ratio R = scale x sum(N) / sum(D) moves by the sum over members of
/// scale x (dN - (R_before / scale) x dD) / sum(D_after), which adds up exactly to R_after - R_before: a member
/// drives a ratio when its numerator moves more than its change in weight (denominator) would carry at the old
/// rate. A member missing in one month counts as 0 there.
/// </summary>
public static class KpiChangeDrivers
{
    public static IReadOnlyList<MemberContribution> Contributions(IReadOnlyList<MemberParts> members, decimal scale)
    {
        var additive = members.All(m => m.DenominatorBefore is null && m.DenominatorAfter is null);
        if (additive)
            return members.Select(m => new MemberContribution(m.Member, scale * ((m.NumeratorAfter ?? 0) - (m.NumeratorBefore ?? 0)))).ToList();
        var denominatorBefore = members.Sum(m => m.DenominatorBefore ?? 0);
        var denominatorAfter = members.Sum(m => m.DenominatorAfter ?? 0);
        if (denominatorBefore == 0 || denominatorAfter == 0) return [];
        var rateBefore = members.Sum(m => m.NumeratorBefore ?? 0) / denominatorBefore; // R_before / scale
        return members.Select(m => new MemberContribution(m.Member,
            scale * (((m.NumeratorAfter ?? 0) - (m.NumeratorBefore ?? 0)) - rateBefore * ((m.DenominatorAfter ?? 0) - (m.DenominatorBefore ?? 0))) / denominatorAfter)).ToList();
    }

    /// <summary>The member that moved the KPI most in the direction it moved, or null when it did not move.</summary>
    public static MemberContribution? Driver(IReadOnlyList<MemberParts> members, decimal scale)
    {
        var contributions = Contributions(members, scale);
        var total = contributions.Sum(c => c.Contribution);
        if (total == 0) return null;
        return contributions.Where(c => Math.Sign(c.Contribution) == Math.Sign(total))
            .OrderByDescending(c => Math.Abs(c.Contribution)).ThenBy(c => c.Member, StringComparer.Ordinal).FirstOrDefault();
    }
}
