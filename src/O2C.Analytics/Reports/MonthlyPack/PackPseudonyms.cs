using O2C.Analytics.Privacy;

namespace O2C.Analytics.Reports.MonthlyPack;

/// <summary>The pack as it may leave the company: customers and collectors replaced by stable pseudonyms, figures unchanged.</summary>
public static class PackPseudonyms
{
    public static KpiPack Apply(Pseudonymiser pseudonyms, KpiPack pack) => pack with
    {
        DimensionValues = pack.DimensionValues.Select(v => v.Dimension == "collector" ? v with { Member = pseudonyms.Name("collector", v.Member) } : v).ToList(),
        AgedDebtors = Map(pseudonyms, pack.AgedDebtors),
        TopOverdue = Map(pseudonyms, pack.TopOverdue),
        Worklist = Map(pseudonyms, pack.Worklist),
        SignalList = Map(pseudonyms, pack.SignalList),
        // The summary names the customers whose overdue grew most.
        AttentionCandidates = pack.AttentionCandidates.Select(c => c.Rule == "overdue_up" && c.Subject is { } name
            ? c with { Subject = pseudonyms.Name("customer_name", name) } : c).ToList(),
        Scope = pack.Scope.Dimension == "collector" ? pack.Scope with { Member = pseudonyms.Name("collector", pack.Scope.Member) } : pack.Scope,
    };

    private static Render.Excel.ReportTable? Map(Pseudonymiser pseudonyms, Render.Excel.ReportTable? table) => table is null ? null : pseudonyms.Apply(table);
}
