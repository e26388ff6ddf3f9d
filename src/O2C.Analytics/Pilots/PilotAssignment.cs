using O2C.Analytics.Pipeline;
using O2C.Analytics.Storage;

namespace O2C.Analytics.Pilots;

/// <summary>
/// Draws each pilot's groups once (sql/pilots/pilot_assignment.sql) and keeps them: a pilot is drawn at the first
/// refresh after the month end before its start has closed (its scores then are final); a drawn pilot is never drawn
/// again, even when its definition changes afterwards (reported: the groups and the design measured are the ones
/// drawn, kept in pilot_designs). A draw that would leave an arm too small to measure is refused and nothing is kept.
/// </summary>
public static class PilotAssignment
{
    /// <summary>The fewest customers each group may have; fewer cannot give an interval worth reading.</summary>
    public const int MinimumPerGroup = 20;

    /// <summary>
    /// Draws the pilots due, inside the caller's transaction (the refresh's); returns one line per pilot drawn, refused
    /// or never drawable, and per pilot whose definition changed since its draw.
    /// </summary>
    public static IReadOnlyList<string> DrawDue(Warehouse warehouse, SqlFolder sql, DateTimeOffset now)
    {
        var notes = new List<string>();
        if (warehouse.Scalar<DateOnly?>("SELECT max(month_end) FROM int_month_ends") is null) return notes;
        var closed = ReportingPeriod.LatestClosedMonth(warehouse, DateOnly.FromDateTime(now.UtcDateTime)).End;
        var first = warehouse.Scalar<DateOnly>("SELECT min(month_end) FROM int_month_ends");
        var pilots = warehouse.Query("""
            SELECT p.pilot_id, last_day(p.start_date - INTERVAL 1 MONTH), p.start_date, d.pilot_id IS NOT NULL AS drawn
            FROM pilots p LEFT JOIN pilot_designs d USING (pilot_id)
            ORDER BY p.pilot_id
            """, r => (Id: r.GetString(0), ScoredAt: r.GetFieldValue<DateOnly>(1), Start: r.GetFieldValue<DateOnly>(2), Drawn: r.GetBoolean(3)));
        foreach (var p in pilots)
        {
            // what "changed" means is the measured design's own (PilotEvaluation.Definition)
            if (p.Drawn && PilotEvaluation.Definition(warehouse, p.Id)!.ChangedSinceDraw)
                notes.Add($"pilot {p.Id}: its definition changed after its groups were drawn; the groups and the design drawn stand (pilot_designs). A new design needs a new pilot id.");
            if (p.Drawn) continue;
            if (p.ScoredAt < first)
            {
                notes.Add($"pilot {p.Id} can never be drawn: its groups come from the scores at {p.ScoredAt:yyyy-MM-dd}, before the warehouse's first month end ({first:yyyy-MM-dd})");
                continue;
            }
            if (p.ScoredAt > closed) continue; // not yet: the month end before the start has not closed
            notes.Add(Draw(warehouse, sql, p.Id, p.ScoredAt, p.Start, now));
        }
        return notes;
    }

    /// <summary>Draws and keeps one pilot's groups and says so; or says why not, keeping nothing, when a group would be too small.</summary>
    private static string Draw(Warehouse warehouse, SqlFolder sql, string pilotId, DateOnly scoredAt, DateOnly start, DateTimeOffset now)
    {
        warehouse.Execute($"CREATE OR REPLACE TEMP TABLE _pilot_draw AS {sql.Read("pilots", "pilot_assignment.sql")}", ("pilot_id", pilotId));
        var (inPilot, inControl, thinBands) = warehouse.Query("""
            SELECT count(*) FILTER (WHERE arm = 'pilot'), count(*) FILTER (WHERE arm = 'control'),
                   (SELECT string_agg(score_band, ', ' ORDER BY score_band) FROM (
                        SELECT score_band FROM _pilot_draw GROUP BY ALL
                        HAVING count(*) FILTER (WHERE arm = 'pilot') = 0 OR count(*) FILTER (WHERE arm = 'control') = 0))
            FROM _pilot_draw
            """, r => (r.GetInt64(0), r.GetInt64(1), r.IsDBNull(2) ? null : r.GetString(2))).Single();
        if (inPilot < MinimumPerGroup || inControl < MinimumPerGroup || thinBands is not null)
            return $"pilot {pilotId} not drawn: it would have {inPilot:N0} pilot and {inControl:N0} control customers" +
                   (thinBands is null ? "" : $", band(s) {thinBands} with nobody on one side") +
                   $"; each group needs at least {MinimumPerGroup} and every band one of each. Change its share or bands (nothing was kept).";
        warehouse.Execute("INSERT INTO pilot_assignments BY NAME SELECT * FROM _pilot_draw");
        warehouse.Execute("""
            INSERT INTO pilot_designs BY NAME
            SELECT pilot_id, strategy_id, start_date, pilot_share, seed, score_bands, pre_months, post_months, $now AS assigned_at,
                   (SELECT count(*) FROM _pilot_draw) AS customers, (SELECT count(*) FROM _pilot_draw WHERE arm = 'pilot') AS pilot_customers
            FROM pilots WHERE pilot_id = $pilot_id
            """, ("pilot_id", pilotId), ("now", now.UtcDateTime));
        var late = DateOnly.FromDateTime(now.UtcDateTime) > start ? $" (drawn after its start {start:yyyy-MM-dd}, as it would have been drawn then)" : "";
        return $"pilot {pilotId}: drawn from the scores at {scoredAt:yyyy-MM-dd}: {inPilot:N0} of {inPilot + inControl:N0} customers in the pilot group{late}";
    }
}
