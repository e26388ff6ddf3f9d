using O2C.Analytics.Storage;

namespace O2C.Analytics.Pipeline;

/// <summary>
/// What a refresh rebuilds. Every writer of facts records the earliest fact date it changed (fact_changes); the
/// month ends from the earliest date pending since the last refresh are rebuilt, and earlier months stay as they were:
/// a fact dated D changes nothing as of a month end before D (the as-of rule every model keeps). A full rebuild when
/// asked (--full), when the derived tables were built from other models, KPIs or program (the fingerprint), when no
/// refresh recorded what it was built through (the first one, a warehouse from before migration 0027), or when a
/// pending change has no date to bound it (customers, holidays, a purge).
/// </summary>
public sealed record RefreshScope(bool Full, DateOnly? MonthEndsFrom, long ThroughChange, string Reason)
{
    /// <summary>Nothing pending: no month to rebuild.</summary>
    public bool NothingChanged => !Full && MonthEndsFrom is null;

    public static RefreshScope Decide(Warehouse warehouse, string builtFrom, bool full)
    {
        var through = warehouse.Scalar<long?>("SELECT max(change_id) FROM fact_changes") ?? 0;
        if (full) return new RefreshScope(true, null, through, "full refresh asked for");
        var state = warehouse.Query("SELECT refreshed_through_change, built_from FROM refresh_state",
            r => (Change: r.IsDBNull(0) ? (long?)null : r.GetInt64(0), BuiltFrom: r.IsDBNull(1) ? null : r.GetString(1))).FirstOrDefault();
        if (state.Change is not { } last) return new RefreshScope(true, null, through, "no earlier refresh recorded what it was built from");
        if (state.BuiltFrom != builtFrom) return new RefreshScope(true, null, through, "the models, the KPIs or the source data they need, the reporting currency or the program changed since the last refresh");
        var pending = warehouse.Query("""
            SELECT count(*), bool_or(whole_history), min(earliest_fact_date), string_agg(changed_by, ', ' ORDER BY change_id)
            FROM fact_changes WHERE change_id > $last
            """, r => (Count: r.GetInt64(0), Whole: !r.IsDBNull(1) && r.GetBoolean(1),
                       From: r.IsDBNull(2) ? (DateOnly?)null : r.GetFieldValue<DateOnly>(2), By: r.IsDBNull(3) ? "" : r.GetString(3)),
            ("last", last)).Single();
        if (pending.Count == 0) return new RefreshScope(false, null, through, "no fact changed since the last refresh");
        if (pending.Whole) return new RefreshScope(true, null, through, $"a change without a date to bound it ({pending.By})");
        return new RefreshScope(false, pending.From, through, $"month ends from {pending.From:yyyy-MM-dd} ({pending.By})");
    }

    /// <summary>
    /// The reporting months run from the first month with facts to the last: a fact can make a month before its own
    /// date appear (March's first invoice after January's last puts February between) or vanish (the last facts
    /// withdrawn). From the earliest month end that appears or vanishes, when that is earlier.
    /// </summary>
    public RefreshScope WithMonthsThatAppearOrVanish(Warehouse warehouse, SqlFolder sql)
    {
        if (Full || MonthEndsFrom is not { } from) return this;
        var monthEnds = sql.Read("models", "intermediate", "int_month_ends.sql");
        var first = warehouse.Scalar<DateOnly?>($"""
            WITH now_ AS (SELECT month_end FROM (
            {monthEnds}
            )), before_ AS (SELECT month_end FROM int_month_ends)
            SELECT min(month_end) FROM (
                (SELECT month_end FROM now_ EXCEPT SELECT month_end FROM before_)
                UNION ALL (SELECT month_end FROM before_ EXCEPT SELECT month_end FROM now_))
            WHERE month_end < $from
            """, ("from", from));
        if (first is not { } changed) return this;
        var start = new DateOnly(changed.Year, changed.Month, 1);
        return this with { MonthEndsFrom = start, Reason = $"month ends from {start:yyyy-MM-dd} (the month of {changed:yyyy-MM-dd} appears or vanishes; {Reason})" };
    }
}
