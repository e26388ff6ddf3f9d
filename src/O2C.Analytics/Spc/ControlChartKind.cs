namespace O2C.Analytics.Spc;

public enum ControlChartKind
{
    /// <summary>Individuals and moving range: for continuous KPIs (days, amounts, value-weighted shares).</summary>
    XmR,
    /// <summary>Proportion with per-point limits from each month's denominator: for count-based rates.</summary>
    P,
}
