namespace O2C.Analytics.Load;

/// <summary>
/// Whether an amount has more decimals than its currency uses. Amounts are stored with 3 decimals (the most ISO 4217
/// uses); DuckDB's round() takes no per-row precision for decimals, so the test is on the amount in thousandths: it
/// must be a multiple of 10^(3 - minor units) (JPY: of 1000, USD: of 10, KWD: of 1). In BIGINT, not HUGEINT, with the
/// divisor spelled out, not a power: 18 digits with 3 decimals times 1000 still fits, and it runs a third faster.
/// </summary>
internal static class MinorUnits
{
    public static string Exceeded(string amount, string minorUnits) =>
        $"CAST({amount} * 1000 AS BIGINT) % (CASE {minorUnits} WHEN 0 THEN 1000 WHEN 1 THEN 100 WHEN 2 THEN 10 ELSE 1 END) <> 0";
}
