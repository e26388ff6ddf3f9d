namespace O2C.Analytics.Load;

/// <summary>
/// A check that needs other rows or tables (sums over a receipt, currencies of linked rows). It runs after a
/// file's rows are inserted; <paramref name="BadRowsSql"/> selects (source_line, raw_value) of the rows of the
/// current file ($file, $load) to take back out and reject.
/// </summary>
public sealed record PostInsertRule(string Column, string BadRowsSql, string ReasonCode, string Reason);
