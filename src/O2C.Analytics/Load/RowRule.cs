namespace O2C.Analytics.Load;

/// <summary>
/// A check across the typed columns of one row: <paramref name="BadWhen"/> is a SQL condition over the
/// row's typed columns that is true for a row to reject. <paramref name="Column"/> names the column blamed.
/// </summary>
public sealed record RowRule(string Column, string BadWhen, string ReasonCode, string Reason);
