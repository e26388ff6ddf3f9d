using System.Globalization;

namespace O2C.Analytics.Reports.Summary;

/// <summary>
/// How figures read on leadership pages: amounts scaled to k or M with no cents, days and percentages to one
/// decimal, changes signed with a typographic minus. The analyst workbook keeps the exact values.
/// </summary>
public static class LeadershipFigures
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>32.0 M, 850 k, 420: millions to one decimal, thousands whole, smaller amounts whole.</summary>
    public static string Amount(decimal amount)
    {
        var magnitude = Math.Abs(amount);
        var text = magnitude >= 999_950m ? (magnitude / 1_000_000m).ToString("0.0", Invariant) + " M"
            : magnitude >= 1_000m ? (magnitude / 1_000m).ToString("0", Invariant) + " k"
            : magnitude.ToString("0", Invariant);
        return amount < 0 ? "\u2212" + text : text;
    }

    /// <summary>A KPI value in its unit: "41.1 days", "12.8 %", "32.0 M", "8.90".</summary>
    public static string Value(decimal value, string unit) => unit switch
    {
        "amount" => Amount(value),
        "days" => value.ToString("0.0", Invariant) + " days",
        "%" => value.ToString("0.0", Invariant) + " %",
        "times" => value.ToString("0.00", Invariant),
        _ => value.ToString("0.0", Invariant),
    };

    /// <summary>A change in a KPI's unit, signed: "+3.6 M", "−3.9 days", "+0.4 pts" (a change of a percentage is in points).</summary>
    public static string Change(decimal change, string unit)
    {
        var magnitude = Math.Abs(change);
        var text = unit switch
        {
            "amount" => Amount(magnitude),
            "days" => magnitude.ToString("0.0", Invariant) + " days",
            "%" => magnitude.ToString("0.0", Invariant) + " pts",
            "times" => magnitude.ToString("0.00", Invariant),
            _ => magnitude.ToString("0.0", Invariant),
        };
        return Signed(text, change);
    }

    /// <summary>A relative change, whole percent, signed: "+13 %".</summary>
    public static string Percent(decimal fraction) => Signed(Math.Abs(fraction * 100).ToString("0", Invariant) + " %", fraction);

    /// <summary>A share to one decimal without a sign: "27.5 %".</summary>
    public static string Share(decimal percent) => percent.ToString("0.0", Invariant) + " %";

    /// <summary>A magnitude with the sign of <paramref name="change"/>: + or a typographic minus (nothing for zero).</summary>
    public static string Signed(string magnitude, decimal change) =>
        (change < 0 ? "\u2212" : change > 0 ? "+" : "") + magnitude.TrimStart('-', '\u2212');
}
