namespace O2C.Analytics.CashApplication;

/// <summary>
/// A payment run without a list: the payer's open items that add up to the amount received. Searched exactly (no
/// tolerance) over two to four items, and taken only when one set of items adds up: two sets mean a person decides.
/// Pairs are summed once and looked up, so a payer with hundreds of open items costs milliseconds, not the 2^n of
/// trying every subset.
/// </summary>
internal static class PaymentRun
{
    /// <summary>More open items than this and a coincidental sum gets likely: the run is left for a person.</summary>
    public const int MaxOpenItems = 60;

    /// <summary>
    /// The most items a set may have for a payer with this many open items. The sets grow as n^k/k!, and an amount that
    /// is no run at all (a duplicate, an instalment) then adds up to one of them by chance: 4 items up to 12 open items
    /// (about 800 sets), 3 up to 25 (about 2,600), 2 up to 60 (1,770), none beyond.
    /// </summary>
    public static int LargestSet(int openItems) => openItems <= 12 ? 4 : openItems <= 25 ? 3 : openItems <= MaxOpenItems ? 2 : 0;

    public static List<OpenDocument>? UniqueSet(IReadOnlyList<OpenDocument> open, decimal amount, int? maxItemsAsked = null)
    {
        var maxItems = Math.Min(maxItemsAsked ?? 4, LargestSet(open.Count));
        if (open.Count < 2 || maxItems < 2 || amount <= 0) return null;
        var items = open.OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        var byAmount = items.Select((d, i) => (d.Open, i)).ToLookup(x => x.Open, x => x.i);
        List<int>? found = null;
        var solutions = 0;
        bool Found(List<int> set)
        {
            found = set;
            return ++solutions > 1;
        }
        // two and three items: one lookup after each item or pair
        for (var i = 0; i < items.Count; i++)
        {
            foreach (var j in byAmount[amount - items[i].Open].Where(j => j > i))
                if (Found([i, j])) return null;
            if (maxItems < 3) continue;
            for (var j = i + 1; j < items.Count; j++)
                foreach (var k in byAmount[amount - items[i].Open - items[j].Open].Where(k => k > j))
                    if (Found([i, j, k])) return null;
        }
        if (maxItems >= 4)
        {
            // four items: two pairs, the second after the first
            var pairs = new Dictionary<decimal, List<(int, int)>>();
            for (var k = 0; k < items.Count; k++)
                for (var l = k + 1; l < items.Count; l++)
                {
                    var sum = items[k].Open + items[l].Open;
                    if (!pairs.TryGetValue(sum, out var list)) pairs[sum] = list = [];
                    list.Add((k, l));
                }
            for (var i = 0; i < items.Count; i++)
                for (var j = i + 1; j < items.Count; j++)
                    if (pairs.TryGetValue(amount - items[i].Open - items[j].Open, out var rest))
                        foreach (var (k, l) in rest.Where(p => p.Item1 > j))
                            if (Found([i, j, k, l])) return null;
        }
        return found?.Select(i => items[i]).ToList();
    }
}
