using System.Globalization;
using O2C.Analytics.Pilots;

namespace O2C.Analytics.Reports.Summary;

/// <summary>
/// One sentence per pilot with a final result, for the pack's summary and its mail: how much more the pilot group's
/// days to pay changed than the control group's (a difference in differences), with the 95 % interval and the
/// customers counted, and whether the checks on that measure that must find nothing (before the start, within the
/// control group) found nothing.
/// </summary>
public static class PilotSummary
{
    public static string? Line(PilotReport report)
    {
        if (!report.Complete || report.Primary?.Effect is not { HasInterval: true } e) return null;
        var p = report.Pilot;
        var who = $"Pilot {p.PilotId} ({p.StrategyDescription ?? p.StrategyId}; bands {p.Bands?.Replace(";", ", ", StringComparison.Ordinal) ?? "A to E"} from {p.Start:MMMM yyyy})";
        string D(double v) => Math.Abs(v).ToString("0.0", CultureInfo.InvariantCulture);
        var counted = $"{e.PilotCustomers:N0} pilot and {e.ControlCustomers:N0} control customers";
        var result = e.High < 0
            ? $"days to pay fell {D(e.Estimate)} days more than the control group's (95 % interval {D(e.High)} to {D(e.Low)}; {counted})"
            : e.Low > 0
                ? $"days to pay rose {D(e.Estimate)} days more than the control group's (95 % interval {D(e.Low)} to {D(e.High)}; {counted})"
                : $"no difference in days to pay from the control group at 95 % (interval {Signed(e.Low)} to {Signed(e.High)} days; {counted})";
        var primary = report.Primary!;
        var checks = primary.Placebo?.IsEffect == true || primary.AaSplit?.IsEffect == true
            ? "; caution: a check on days to pay that should find nothing found a difference (o2c pilot report)"
            : "; the checks on days to pay before the start and within the control group found nothing";
        var changed = p.ChangedSinceDraw ? " Measured as drawn: pilots.csv has changed since." : "";
        return $"{who}: {result}{checks}.{changed}";
    }

    private static string Signed(double v) => (v > 0 ? "+" : "") + v.ToString("0.0", CultureInfo.InvariantCulture);
}
