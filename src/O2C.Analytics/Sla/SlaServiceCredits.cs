namespace O2C.Analytics.Sla;

/// <summary>One SLA's result in one quarter, as the contract prices it.</summary>
/// <param name="Owner">bpo, client or per item (each item its own owner; BpoBreaches counts the BPO's).</param>
/// <param name="TargetMet">Null when the quarter measured no item.</param>
public sealed record SlaQuarterResult(
    string SlaId, SlaQuarter Quarter, string Owner, bool? TargetMet, long BpoBreaches, decimal? CreditPerBreach, decimal? CreditPerMissedTarget);

/// <summary>What one SLA earns the client in one quarter.</summary>
/// <param name="Credited">Its share of the quarter's credits after the cap (the cap shared in proportion to the credits).</param>
/// <param name="EarnedBack">The part of last quarter's missed-target credit returned because this quarter met the target.</param>
public sealed record SlaCredit(string SlaId, long BpoBreaches, decimal BreachCredit, decimal MissedTargetCredit, decimal Credited, decimal EarnedBack)
{
    public decimal Gross => BreachCredit + MissedTargetCredit;
}

/// <summary>A quarter's service credits: before the cap, after it, earned back, and the net the BPO owes.</summary>
public sealed record QuarterCredits(SlaQuarter Quarter, decimal Gross, decimal Capped, decimal EarnedBack, IReadOnlyList<SlaCredit> BySla)
{
    /// <summary>Credits owed for the quarter less what the BPO earned back (negative: the client returns money).</summary>
    public decimal Net => Capped - EarnedBack;
}

/// <summary>
/// Service credits per the contract. Only the BPO's breaches cost it: per breach, the SLA's credit per breach times
/// the breaches of items the BPO owns; per missed target, the SLA's credit when an SLA the BPO owns is below target.
/// A quarter's credits are capped (SlaContract.CreditCapPerQuarter; each SLA keeps its share of the cap); a missed
/// target's credit, as credited, is earned back when the same SLA meets its target the next quarter.
/// </summary>
public static class SlaServiceCredits
{
    public static IReadOnlyList<QuarterCredits> Compute(IEnumerable<SlaQuarterResult> results, SlaContract contract)
    {
        var byQuarter = results.GroupBy(r => r.Quarter).OrderBy(g => g.Key.Year).ThenBy(g => g.Key.Number).ToList();
        var quarters = new List<QuarterCredits>();
        // Last quarter's missed-target credit per SLA as credited (its exact share of the cap, rounded once).
        Dictionary<string, decimal> previousMissedCredited = [];
        SlaQuarter? previousQuarter = null;
        foreach (var quarter in byQuarter)
        {
            var raw = quarter.Select(r => (Result: r,
                Breach: r.Owner is "bpo" or "per item" ? (r.CreditPerBreach ?? 0m) * r.BpoBreaches : 0m,
                Missed: r.Owner == "bpo" && r.TargetMet == false ? r.CreditPerMissedTarget ?? 0m : 0m)).ToList();
            var gross = raw.Sum(x => x.Breach + x.Missed);
            var capped = contract.CreditCapPerQuarter is { } cap && gross > cap ? cap : gross;
            var share = gross == 0 ? 1m : capped / gross;
            // Earn-back only against the quarter just before: a gap in the history earns nothing back.
            var follows = previousQuarter is { } p && p.Equals(quarter.Key.Previous);
            var bySla = raw.Select(x =>
            {
                var earned = contract.EarnBack && follows && x.Result.TargetMet == true && previousMissedCredited.TryGetValue(x.Result.SlaId, out var last)
                    ? Cents(last)
                    : 0m;
                return new SlaCredit(x.Result.SlaId, x.Result.Owner == "client" ? 0 : x.Result.BpoBreaches, Cents(x.Breach), Cents(x.Missed),
                    Cents((x.Breach + x.Missed) * share), earned);
            }).ToList();
            quarters.Add(new QuarterCredits(quarter.Key, Cents(gross), Cents(capped), bySla.Sum(c => c.EarnedBack), bySla));
            previousMissedCredited = raw.ToDictionary(x => x.Result.SlaId, x => x.Missed * share);
            previousQuarter = quarter.Key;
        }
        return quarters;
    }

    private static decimal Cents(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
