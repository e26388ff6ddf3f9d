using O2C.Analytics.Storage;

namespace O2C.Analytics.Pilots;

/// <summary>
/// Draws each pilot's groups once (sql/pilots/pilot_assignment.sql) and keeps them: a pilot is drawn at the first
/// refresh that has scores at the month end before its start; a drawn pilot is never drawn again, even when its
/// definition changes afterwards (that is reported: the groups measured are the ones drawn, with the design kept in
/// pilot_designs).
/// </summary>
public static class PilotAssignment
{
    /// <summary>
    /// Draws the pilots due, inside the caller's transaction (the refresh's); returns one line per pilot drawn and per
    /// pilot whose definition changed since its draw.
    /// </summary>
    public static IReadOnlyList<string> DrawDue(Warehouse warehouse, SqlFolder sql, DateTimeOffset now)
    {
        var notes = new List<string>();
        var pilots = warehouse.Query("""
            SELECT p.pilot_id, last_day(p.start_date - INTERVAL 1 MONTH),
                   d.pilot_id IS NOT NULL AS drawn,
                   d.pilot_id IS NOT NULL AND (d.strategy_id <> p.strategy_id OR d.start_date <> p.start_date OR d.pilot_share <> p.pilot_share
                       OR d.seed <> p.seed OR d.score_bands IS DISTINCT FROM p.score_bands) AS changed,
                   EXISTS (SELECT 1 FROM fct_customer_score_monthly s WHERE s.month_end = last_day(p.start_date - INTERVAL 1 MONTH)) AS scored
            FROM pilots p LEFT JOIN pilot_designs d USING (pilot_id)
            ORDER BY p.pilot_id
            """, r => (Id: r.GetString(0), ScoredAt: r.GetFieldValue<DateOnly>(1), Drawn: r.GetBoolean(2), Changed: r.GetBoolean(3), Scored: r.GetBoolean(4)));
        foreach (var p in pilots)
        {
            if (p.Changed)
                notes.Add($"pilot {p.Id}: its definition changed after its groups were drawn; the groups drawn stand (pilot_designs). A new design needs a new pilot id.");
            if (p.Drawn || !p.Scored) continue;
            warehouse.Execute($"INSERT INTO pilot_assignments BY NAME {sql.Read("pilots", "pilot_assignment.sql")}", ("pilot_id", p.Id));
            warehouse.Execute("""
                INSERT INTO pilot_designs
                SELECT p.pilot_id, p.strategy_id, p.start_date, p.pilot_share, p.seed, p.score_bands, $now,
                       (SELECT count(*) FROM pilot_assignments a WHERE a.pilot_id = p.pilot_id),
                       (SELECT count(*) FROM pilot_assignments a WHERE a.pilot_id = p.pilot_id AND a.arm = 'pilot')
                FROM pilots p WHERE p.pilot_id = $pilot_id
                """, ("pilot_id", p.Id), ("now", now.UtcDateTime));
            var (customers, inPilot) = warehouse.Query("SELECT customers, pilot_customers FROM pilot_designs WHERE pilot_id = $pilot_id",
                r => (r.GetInt64(0), r.GetInt64(1)), ("pilot_id", p.Id)).Single();
            notes.Add($"pilot {p.Id}: drawn from the scores at {p.ScoredAt:yyyy-MM-dd}: {inPilot:N0} of {customers:N0} customers in the pilot group");
        }
        return notes;
    }
}
