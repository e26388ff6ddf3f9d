namespace O2C.Analytics.Load;

/// <summary>
/// A check that needs other rows or tables (sums over a receipt, currencies of linked rows). It runs over the whole
/// rebuilt entity table (CanonicalRebuild); <paramref name="BadRowsSql"/> selects (source_file, source_line, raw_value)
/// of the rows to take back out and reject.
/// </summary>
public sealed record PostInsertRule(string Column, string BadRowsSql, string ReasonCode, string Reason);
