namespace O2C.Analytics.Reports.Summary;

/// <summary>
/// Why DSO moved between two months, from its parts (kpi_values: numerator = AR at month end x days in the window,
/// denominator = credit sales of the window): DSO = N / D. The receivables effect N1/D0 - N0/D0 is the change had
/// sales stayed as they were; the sales effect N1/D1 - N1/D0 is what the change in sales did on top. The two add up
/// to DSO1 - DSO0 exactly.
/// </summary>
public sealed record DsoBridge(decimal Before, decimal ReceivablesEffect, decimal SalesEffect, decimal After)
{
    public static DsoBridge? Of(decimal? numeratorBefore, decimal? denominatorBefore, decimal? numeratorAfter, decimal? denominatorAfter)
    {
        if (numeratorBefore is not { } n0 || denominatorBefore is not { } d0 || numeratorAfter is not { } n1 || denominatorAfter is not { } d1 || d0 == 0 || d1 == 0)
            return null;
        return new DsoBridge(n0 / d0, (n1 - n0) / d0, n1 / d1 - n1 / d0, n1 / d1);
    }
}
