namespace O2C.Analytics.Configuration;

/// <summary>The "did you mean" of a mistyped setting or option: the known name fewest edits away.</summary>
public static class ClosestName
{
    /// <summary>The closest of <paramref name="known"/> to <paramref name="typed"/> (case ignored), or null when none is within <paramref name="maxEdits"/>.</summary>
    public static string? Find(string typed, IEnumerable<string> known, int maxEdits = int.MaxValue) =>
        known.Select(k => (Name: k, Edits: Distance(k.ToLowerInvariant(), typed.ToLowerInvariant())))
            .Where(k => k.Edits <= maxEdits)
            .OrderBy(k => k.Edits)
            .Select(k => k.Name).FirstOrDefault();

    /// <summary>Levenshtein distance: insertions, deletions and substitutions.</summary>
    public static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var previous = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var current = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), previous + (a[i - 1] == b[j - 1] ? 0 : 1));
                previous = current;
            }
        }
        return row[b.Length];
    }
}
