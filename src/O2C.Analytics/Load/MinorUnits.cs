namespace O2C.Analytics.Load;

/// <summary>
/// Whether an amount has more decimals than its currency uses. Amounts are stored with 3 decimals (the most ISO 4217
/// uses); DuckDB's round() takes no per-row precision for decimals, so the test is on the amount in thousandths: it
/// must be a multiple of 10^(3 - minor units) (JPY: of 1000, USD: of 10, KWD: of 1).
/// </summary>
internal static class MinorUnits
{
    public static string Exceeded(string amount, string minorUnits) =>
        $"CAST({amount} * 1000 AS HUGEINT) % CAST(10 ** (3 - {minorUnits}) AS HUGEINT) <> 0";
}
