namespace O2C.Analytics.Spc;

/// <summary>
/// One month of a control chart: the value charted (seasonally adjusted where asked), its centre line, the
/// sigma of that point and the 3-sigma limits. Z is the point's distance from the centre in sigmas.
/// </summary>
public sealed record SpcPoint(DateOnly Month, decimal Value, decimal Centre, decimal Sigma, decimal Lower, decimal Upper, decimal? Denominator)
{
    public decimal Z => Sigma == 0 ? 0 : (Value - Centre) / Sigma;
}
