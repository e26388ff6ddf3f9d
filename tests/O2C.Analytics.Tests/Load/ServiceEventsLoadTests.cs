using O2C.Analytics.Load;
using O2C.Analytics.Tests.Support;

namespace O2C.Analytics.Tests.Load;

/// <summary>
/// service_events.csv (issue 18): operations' disruptions load like any canonical file, and the absurd ones are
/// rejected with their line and reason, the rest of the file loading.
/// </summary>
public sealed class ServiceEventsLoadTests
{
    [Fact]
    public void A_disruption_ending_before_it_starts_or_of_an_unknown_kind_or_a_repeated_id_is_rejected()
    {
        using var w = new TempWarehouse();
        w.Write("service_events.csv", "event_id,kind,start_date,end_date,team,note",
            "OUT-1,system_outage,2026-07-15,2026-07-15,,ERP down",               // line 2: loads (every team)
            "GAP-1,staffing_gap,2026-08-03,2026-08-16,BPO Krakow,holidays",      // line 3: loads
            "GAP-2,staffing_gap,2026-08-16,2026-08-03,BPO Krakow,reversed",      // line 4: ends before it starts
            "ODD-1,fire_drill,2026-09-01,2026-09-01,,not a kind",                // line 5: unknown kind
            "OUT-1,system_outage,2026-10-01,2026-10-01,,same id again");         // line 6: the key a second time
        new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources);
        Assert.Equal(["GAP-1", "OUT-1"], w.Warehouse.Query("SELECT event_id FROM service_events ORDER BY 1", r => r.GetString(0)));
        Assert.Equal([(4L, "end_before_start"), (5L, "invalid_value"), (6L, "duplicate_key")],
            w.Warehouse.Query("SELECT line_number, reason_code FROM rejects ORDER BY line_number", r => (r.GetInt64(0), r.GetString(1))));
        // An empty team means every team.
        Assert.True(w.Warehouse.Scalar<bool>("SELECT team IS NULL FROM service_events WHERE event_id = 'OUT-1'"));
    }
}
