namespace O2C.Analytics.Spc;

/// <summary>A run rule that fired at a month: the rule, whether the process moved up or down, and whether that is bad for the KPI.</summary>
public sealed record SpcSignal(DateOnly Month, string Rule, string Direction, bool IsBad);
