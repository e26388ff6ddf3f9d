namespace O2C.Analytics.Generate;

/// <summary>
/// The events the sample's data carries, for a reader to check that the product finds them (data-samples/README.md).
/// All are placed from the deterioration month, so a longer history with the same deterioration month tells the
/// same story (a later cut-off adds facts without changing earlier ones).
/// </summary>
/// <param name="DeterioratingSegment">The segment whose customers pay later every month from <paramref name="DeteriorationStart"/>.</param>
/// <param name="DeteriorationStart">First due month paid later.</param>
/// <param name="BillingErrorMonth">A price-file error: many invoices of this month are corrected by credit memos and disputed.</param>
/// <param name="RecoveringTeam">The BPO team whose cash posting is slow until <paramref name="ProcessChange"/>, then meets its SLA.</param>
/// <param name="ProcessChange">First day of the quarter the team's new matching process went live.</param>
public sealed record SampleStory(
    string DeterioratingSegment,
    DateOnly DeteriorationStart,
    DateOnly BillingErrorMonth,
    string RecoveringTeam,
    DateOnly ProcessChange)
{
    public static SampleStory For(GeneratorOptions options)
    {
        var deterioration = options.FirstMonth.AddMonths(options.DeteriorationStartMonth);
        // The quarter that starts at or before three months ahead of the deterioration month.
        var threeBefore = deterioration.AddMonths(-3);
        var quarterStart = new DateOnly(threeBefore.Year, (threeBefore.Month - 1) / 3 * 3 + 1, 1);
        if (quarterStart < threeBefore) quarterStart = quarterStart.AddMonths(3);
        return new SampleStory("SMB", deterioration, deterioration.AddMonths(1), "BPO Manila", quarterStart);
    }

    /// <summary>Quarter-end months bill more (the quarter-end push): volume factor by calendar month.</summary>
    public static double BillingVolume(int month) => month % 3 == 0 ? 1.22 : 0.9;
}
