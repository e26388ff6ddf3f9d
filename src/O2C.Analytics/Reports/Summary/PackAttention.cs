using O2C.Analytics.Metrics;
using O2C.Analytics.Reports.MonthlyPack;

namespace O2C.Analytics.Reports.Summary;

/// <summary>
/// The summary page's "needs attention" list, at most <see cref="MaxItems"/>, in this order: a headline KPI moving
/// the wrong way on its control chart (owner: the team that drove its change, from the KPI's parts by team), the two
/// SLAs furthest below target in the latest closed quarter (owner: whoever has most breaches), the customers whose overdue grew
/// most (owner: the customer's team), and the team with the most broken promises.
/// </summary>
public static class PackAttention
{
    public const int MaxItems = 5;

    /// <summary>The KPIs whose signals reach the summary: the headline tiles' KPIs.</summary>
    public static readonly string[] HeadlineKpis = ["cash_collected", "dso", "past_due_pct", "ar_over_90_pct", "cei"];

    public static IReadOnlyList<AttentionItem> Of(KpiPack pack)
    {
        var items = new List<AttentionItem>();
        foreach (var id in HeadlineKpis)
            if (pack.Signal(id) is { } signal)
            {
                var kpi = KpiCatalog.Get(id);
                var value = pack.Value(id, pack.MonthEnd)?.Value;
                items.Add(new AttentionItem($"{kpi.Name} is {signal}" + (value is { } v ? $" ({LeadershipFigures.Value(v, kpi.Unit)})" : "") + ".",
                    TeamDriving(pack, kpi) ?? "O2C leadership"));
            }
        var candidates = pack.AttentionCandidates;
        foreach (var sla in candidates.Where(c => c.Rule == "sla_below").OrderByDescending(c => c.Target - c.Rate).ThenBy(c => c.Subject, StringComparer.Ordinal).Take(2))
            items.Add(new AttentionItem(
                $"SLA \"{sla.Subject}\" met {sla.Rate:P1} in {sla.Period} against a target of {sla.Target:P0} ({sla.Items:N0} breaches).", sla.Owner));
        foreach (var customer in candidates.Where(c => c.Rule == "overdue_up").Take(2))
            items.Add(new AttentionItem(
                $"{customer.Subject}: overdue up {LeadershipFigures.Amount(customer.Amount!.Value - (customer.AmountBefore ?? 0))} to {LeadershipFigures.Amount(customer.Amount.Value)} since {pack.MonthEndOffset(-1):d MMMM}.",
                customer.Owner));
        foreach (var team in candidates.Where(c => c.Rule == "broken_promises").OrderByDescending(c => c.Items).ThenBy(c => c.Owner, StringComparer.Ordinal).Take(1))
            items.Add(new AttentionItem(
                $"{team.Items:N0} promises to pay from {team.Customers:N0} customers fell due in {pack.MonthEnd:MMMM} unkept; {LeadershipFigures.Amount(team.Amount ?? 0)} of those invoices are still open.",
                team.Owner));
        return items.Take(MaxItems).ToList();
    }

    /// <summary>The BPO or in-house team whose part moved the KPI most in the direction it moved (KpiChangeDrivers).</summary>
    public static string? TeamDriving(KpiPack pack, KpiDefinition kpi)
    {
        var members = pack.MemberParts(kpi.Id, "bpo_team");
        return members.Count == 0 ? null : KpiChangeDrivers.Driver(members, kpi.Scale)?.Member;
    }
}
