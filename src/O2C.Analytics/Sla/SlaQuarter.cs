using System.Globalization;
using System.Text.RegularExpressions;

namespace O2C.Analytics.Sla;

/// <summary>A calendar quarter, written 2026Q3.</summary>
public readonly partial record struct SlaQuarter(int Year, int Number)
{
    public DateOnly Start => new(Year, 3 * Number - 2, 1);
    public DateOnly End => Start.AddMonths(3).AddDays(-1);
    public SlaQuarter Previous => Number == 1 ? new(Year - 1, 4) : new(Year, Number - 1);

    public override string ToString() => $"{Year}Q{Number}";

    public static SlaQuarter Of(DateOnly date) => new(date.Year, (date.Month + 2) / 3);

    public static SlaQuarter Parse(string text) =>
        TryParse(text, out var quarter) ? quarter : throw new FormatException($"'{text}' is not a quarter: write it like 2026Q3");

    public static bool TryParse(string? text, out SlaQuarter quarter)
    {
        var match = Pattern().Match(text?.Trim() ?? "");
        quarter = match.Success
            ? new SlaQuarter(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture))
            : default;
        return match.Success;
    }

    /// <summary>The latest quarter that ended on or before <paramref name="horizon"/>.</summary>
    public static SlaQuarter LatestClosed(DateOnly horizon)
    {
        var quarter = Of(horizon);
        return quarter.End <= horizon ? quarter : quarter.Previous;
    }

    /// <summary>This quarter and the ones before it, oldest first.</summary>
    public IReadOnlyList<SlaQuarter> LastFour()
    {
        var list = new List<SlaQuarter> { this };
        while (list.Count < 4) list.Insert(0, list[0].Previous);
        return list;
    }

    [GeneratedRegex(@"^(\d{4})\s*-?\s*[Qq]([1-4])$")]
    private static partial Regex Pattern();
}
