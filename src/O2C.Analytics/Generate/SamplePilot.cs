namespace O2C.Analytics.Generate;

/// <summary>
/// The sample's collection-strategy pilot (data-samples/README.md): from <paramref name="Start"/>, half the customers
/// of bands C to E (drawn by the product, as `o2c refresh` draws any pilot) get a call before the due date, and pay
/// every invoice issued from the start <paramref name="EffectDays"/> days sooner (never before the day after the
/// invoice). Nothing else changes, for them or anyone.
/// </summary>
public sealed record SamplePilot(string PilotId, string StrategyId, DateOnly Start, decimal Share, int Seed, string Bands,
    int PreMonths, int PostMonths, int EffectDays)
{
    /// <summary>
    /// The pilot starts three months after the deterioration month (May 2026 in the sample), when the history has a
    /// year before it (the score's window) and its months measured before the cut-off; else there is none.
    /// </summary>
    public static SamplePilot? For(GeneratorOptions options)
    {
        if (!options.Pilot) return null;
        var start = options.Story.DeteriorationStart.AddMonths(3);
        var index = (start.Year - options.FirstMonth.Year) * 12 + start.Month - options.FirstMonth.Month;
        const int post = 3;
        if (index < 12 || start.AddMonths(post) > options.CutOff.AddDays(1)) return null;
        return new SamplePilot("call-before-due", "call-before-due", start, 0.5m, 2026, "C;D;E", 6, post, 7);
    }

    /// <summary>The standing strategy of each score band, and the one the pilot tries (collection_strategies.csv).</summary>
    public static readonly IReadOnlyList<(string Id, string? Band, string Channel, int FirstContact, int Cadence, int? CallAfter, string Description)> Strategies =
    [
        ("standard-a", "A", "email", 3, 14, null, "A: an email reminder 3 days after the due date, every 14 days while unpaid; no call"),
        ("standard-b", "B", "email", 3, 10, 30, "B: an email 3 days after the due date, every 10 days; a call at 30 days past due"),
        ("standard-c", "C", "email", 3, 7, 18, "C: an email 3 days after the due date, a dunning letter a week later; a call at 18 days past due"),
        ("standard-d", "D", "letter", 1, 7, 18, "D: a dunning letter the day after the due date, weekly; a call at 18 days past due"),
        ("standard-e", "E", "call", 1, 5, 1, "E: a call the day after the due date, every 5 days; credit hold review at 30 days"),
        ("call-before-due", null, "call", -3, 7, -3, "a courtesy call 3 days before the due date, then the band's standing strategy"),
    ];
}
