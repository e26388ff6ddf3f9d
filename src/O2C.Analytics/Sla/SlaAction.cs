using System.Globalization;

namespace O2C.Analytics.Sla;

/// <summary>
/// An action the governance meeting agreed on a breach cause (o2c.json "SlaActions"): what, who, by when, and where it
/// stands. The review of each quarter lists the actions raised by then that are still open or were closed in the
/// quarter, so an action is carried from quarter to quarter until it is done.
/// </summary>
public sealed class SlaAction
{
    public string Id { get; set; } = "";
    /// <summary>The SLA it addresses (an SLA id).</summary>
    public string Sla { get; set; } = "";
    /// <summary>The breach cause it addresses, as the Causes sheet names it.</summary>
    public string Cause { get; set; } = "";
    public string Action { get; set; } = "";
    /// <summary>Who carries it out (a person or team).</summary>
    public string Owner { get; set; } = "";
    /// <summary>The quarter it was agreed, like 2026Q2.</summary>
    public string Raised { get; set; } = "";
    /// <summary>yyyy-MM-dd.</summary>
    public string Due { get; set; } = "";
    /// <summary>open, done or dropped.</summary>
    public string Status { get; set; } = "open";
    /// <summary>yyyy-MM-dd it was done or dropped; required then.</summary>
    public string? Closed { get; set; }

    public static readonly IReadOnlyList<string> Statuses = ["open", "done", "dropped"];

    /// <summary>Why the action cannot be used, or null when it can.</summary>
    public string? Problem(IReadOnlyCollection<string> slaIds)
    {
        if (string.IsNullOrWhiteSpace(Id)) return "an SLA action has no Id";
        var who = $"SLA action {Id}";
        if (!slaIds.Contains(Sla)) return $"{who}: Sla must be one of {string.Join(", ", slaIds)}, not '{Sla}'";
        if (string.IsNullOrWhiteSpace(Action) || string.IsNullOrWhiteSpace(Owner)) return $"{who}: needs an Action and an Owner";
        if (!SlaQuarter.TryParse(Raised, out _)) return $"{who}: Raised must be a quarter like 2026Q2, not '{Raised}'";
        if (!IsDate(Due)) return $"{who}: Due must be a date yyyy-MM-dd, not '{Due}'";
        if (!Statuses.Contains(Status)) return $"{who}: Status must be open, done or dropped, not '{Status}'";
        if (Status != "open" && !IsDate(Closed)) return $"{who}: a {Status} action needs Closed, the date yyyy-MM-dd";
        return null;
    }

    public DateOnly DueDate => DateOnly.ParseExact(Due, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public DateOnly? ClosedDate => Closed is { Length: > 0 } c ? DateOnly.ParseExact(c, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

    private static bool IsDate(string? text) => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}
