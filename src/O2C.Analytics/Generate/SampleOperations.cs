namespace O2C.Analytics.Generate;

/// <summary>One operational disruption of the sample (written to service_events.csv).</summary>
public sealed record ServiceEvent(string Id, string Kind, DateOnly Start, DateOnly End, string? Team, string Note);

/// <summary>
/// The sample's operational disruptions, which its SLA breaches show: a one-day system outage every six months
/// (every team's cash posting waits for it), and two-week staffing gaps, BPO Krakow every August and In-house Dublin
/// every late December, when the team posts, follows up and dispatches more slowly. Placed by date alone, so a longer
/// history keeps the earlier ones.
/// </summary>
public sealed class SampleOperations
{
    private readonly BusinessCalendar _calendar;

    public SampleOperations(GeneratorOptions options, BusinessCalendar calendar)
    {
        _calendar = calendar;
        var events = new List<ServiceEvent>();
        for (var m = 2; m < options.Months; m += 6)
        {
            var day = calendar.AddBusinessDays(options.FirstMonth.AddMonths(m).AddDays(-1), 10);
            events.Add(new($"OUT-{day:yyyyMMdd}", "system_outage", day, day, null, "ERP and bank-interface outage: no cash posted that day"));
        }
        for (var year = options.FirstMonth.Year; year <= options.CutOff.Year; year++)
        {
            var august = calendar.OnOrAfter(new DateOnly(year, 8, 3));
            events.Add(new($"GAP-KRK-{year}", "staffing_gap", august, august.AddDays(13), "BPO Krakow", "Summer holidays: two of the team away"));
            var december = new DateOnly(year, 12, 15);
            events.Add(new($"GAP-DUB-{year}", "staffing_gap", december, december.AddDays(13), "In-house Dublin", "Year-end: team short after attrition"));
        }
        Events = events.Where(e => e.Start >= options.FirstMonth && e.Start <= options.CutOff).ToList();
    }

    public IReadOnlyList<ServiceEvent> Events { get; }

    /// <summary>An outage day (or the business day before it, whose postings it holds up).</summary>
    public bool OutageHolds(DateOnly valueDate) =>
        Events.Any(e => e.Kind == "system_outage" && (e.Start == valueDate || e.Start == _calendar.AddBusinessDays(valueDate, 1)));

    public bool ShortStaffed(string team, DateOnly date) =>
        Events.Any(e => e.Kind == "staffing_gap" && e.Team == team && date >= e.Start && date <= e.End);
}
