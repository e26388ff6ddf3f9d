using System.Globalization;
using O2C.Analytics.Pilots;

namespace O2C.Analytics.Reports.Summary;

/// <summary>
/// One sentence per pilot with a result, for the pack's summary and its mail: what the pilot group's days to pay did
/// against the control group's, with the 95 % interval and the customers counted, and whether the checks that must
/// find nothing (before the start, within the control group) found nothing.
/// </summary>
public static class PilotSummary
{
    public static string? Line(PilotReport report)
    {
        if (!report.Complete || report.Primary?.Effect is not { } e) return null;
        var p = report.Pilot;
        var who = $"Pilot {p.PilotId} ({p.StrategyDescription ?? p.StrategyId}; bands {p.Bands?.Replace(";", ", ", StringComparison.Ordinal) ?? "A to E"} from {p.Start:MMMM yyyy})";
        string D(double v) => Math.Abs(v).ToString("0.0", CultureInfo.InvariantCulture);
        var result = e.High < 0
            ? $"its {e.PilotCustomers:N0} customers paid {D(e.Estimate)} days sooner than the {e.ControlCustomers:N0} in the control group (95 % interval {D(e.High)} to {D(e.Low)} days)"
            : e.Low > 0
                ? $"its {e.PilotCustomers:N0} customers paid {D(e.Estimate)} days later than the {e.ControlCustomers:N0} in the control group (95 % interval {D(e.Low)} to {D(e.High)} days)"
                : $"no difference in days to pay from the control group at 95 % ({e.PilotCustomers:N0} against {e.ControlCustomers:N0} customers; interval {Signed(e.Low)} to {Signed(e.High)} days)";
        var primary = report.Primary!;
        var checks = primary.Placebo?.IsEffect == true || primary.AaSplit?.IsEffect == true
            ? "; caution: a check that should find nothing found a difference, so read it with care (o2c pilot report)"
            : "; checks before the start and within the control group found nothing";
        return $"{who}: {result}{checks}.";
    }

    private static string Signed(double v) => (v > 0 ? "+" : "") + v.ToString("0.0", CultureInfo.InvariantCulture);
}
