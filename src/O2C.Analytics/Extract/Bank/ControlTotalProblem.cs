namespace O2C.Analytics.Extract.Bank;

/// <summary>A control total or balance that does not agree with the entries, with the line and the figures.</summary>
public sealed record ControlTotalProblem(int Line, string What, decimal Expected, decimal Actual)
{
    public override string ToString() =>
        $"line {Line}: {What}: the file says {Expected.ToString(System.Globalization.CultureInfo.InvariantCulture)}, the entries add up to {Actual.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
