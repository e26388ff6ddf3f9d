namespace O2C.Analytics.Load;

/// <summary>
/// A check that needs other rows or tables (sums over a receipt, currencies of linked rows). It runs in
/// CanonicalRebuild over the rows of the rebuilt table it judges, which <paramref name="BadRowsSql"/> reads as
/// <c>_judged</c> (every row, or those a load's change can reach: RebuildScope); other tables it reads whole. It selects
/// (source_file, source_line, raw_value) of the rows to take back out and reject. A rule reading other rows of its own
/// table declares how they are grouped (EntityLayout.ScopeGroups), so a group is judged whole.
/// </summary>
public sealed record PostInsertRule(string Column, string BadRowsSql, string ReasonCode, string Reason);
