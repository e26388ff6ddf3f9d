namespace O2C.Analytics.Reports.Summary;

/// <summary>
/// A control-chart signal in words a reader of the pack needs no chart theory for: "above its normal range this
/// month", "above its usual level in 4 of the last 5 months". Rule numbers are those of Spc.RunRules ("1: beyond 3 sigma").
/// </summary>
public static class SignalWording
{
    /// <param name="rule">The rule as stored in spc_signals, its number first.</param>
    /// <param name="direction">up or down.</param>
    public static string Of(string rule, string direction)
    {
        var up = direction == "up";
        var side = up ? "above" : "below";
        return rule.Split(':')[0].Trim() switch
        {
            "1" => $"{side} its normal range this month",
            "2" => $"far {side} its usual level in 2 of the last 3 months",
            "3" => $"{side} its usual level in 4 of the last 5 months",
            "4" => $"{side} its average 9 months in a row",
            "5" => $"{(up ? "rising" : "falling")} 6 months in a row",
            _ => $"unusual ({direction})",
        };
    }
}
