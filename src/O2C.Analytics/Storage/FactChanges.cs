using O2C.Analytics.Load;

namespace O2C.Analytics.Storage;

/// <summary>
/// What one writer of facts changed, for the incremental refresh: the earliest date of any row it added, removed or
/// changed (every date column of the row counts: a document issued in March and due in May changes March on), or the
/// whole history when a changed row has no date. Rows are noted before they change; <see cref="Record"/> writes one
/// fact_changes row in the writer's transaction (migration 0027).
/// </summary>
public sealed class FactChanges(Warehouse warehouse)
{
    private DateOnly? earliest;
    private bool wholeHistory;

    public bool Any => earliest is not null || wholeHistory;

    /// <summary>
    /// Entities whose rows reach back before their own dates: a holiday changes the business days between every
    /// earlier and later date around it, so an invoice shipped before it and sent after counts one day less in the
    /// month it was issued, before the holiday. A calendar is loaded a year ahead; its change is a full refresh.
    /// </summary>
    private static readonly HashSet<string> ReachBack = new(StringComparer.Ordinal) { "holidays" };

    /// <summary>Notes the rows of <paramref name="rowsSql"/> ("FROM ... WHERE ...", its rows with the layout's columns).</summary>
    public void Note(EntityLayout layout, string rowsSql)
    {
        var least = ReachBack.Contains(layout.Entity) ? null : layout.EarliestDateSql(SqlText.Ident);
        if (least is null)
        {
            if (!wholeHistory && warehouse.Scalar<bool>($"SELECT EXISTS (SELECT 1 {rowsSql})")) wholeHistory = true;
            return;
        }
        // A row with no date at all (count > dated) bounds nothing.
        var (first, rows, dated) = warehouse.Query($"SELECT min({least}), count(*), count({least}) {rowsSql}",
            r => (r.IsDBNull(0) ? (DateOnly?)null : r.GetFieldValue<DateOnly>(0), r.GetInt64(1), r.GetInt64(2))).Single();
        if (rows > dated) wholeHistory = true;
        if (first is { } date) NoteDate(date);
    }

    public void NoteDate(DateOnly date)
    {
        if (earliest is null || date < earliest) earliest = date;
    }

    public void NoteWholeHistory() => wholeHistory = true;

    /// <summary>Writes what was noted (nothing when nothing was), in the caller's transaction.</summary>
    public void Record(string changedBy)
    {
        if (!Any) return;
        warehouse.Execute("""
            INSERT INTO fact_changes
            SELECT coalesce(max(change_id), 0) + 1, now()::TIMESTAMP, $by, $earliest, $whole FROM fact_changes
            """, ("by", changedBy), ("earliest", earliest), ("whole", wholeHistory));
    }
}
