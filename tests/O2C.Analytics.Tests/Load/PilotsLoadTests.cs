using O2C.Analytics.Load;
using O2C.Analytics.Tests.Support;
using static O2C.Analytics.Tests.Support.CanonicalFiles;

namespace O2C.Analytics.Tests.Load;

/// <summary>
/// collection_strategies.csv and pilots.csv (issue 23) load like any canonical file; an absurd pilot is rejected with
/// its line and reason, the rest of the file loading.
/// </summary>
public sealed class PilotsLoadTests
{
    [Fact]
    public void A_pilot_with_an_impossible_share_band_window_or_strategy_is_rejected()
    {
        using var w = new TempWarehouse();
        w.Write("collection_strategies.csv", StrategiesHeader,
            "call-first,,call,-3,7,-3,a call before the due date",     // line 2: loads
            "standard-e,E,call,1,5,1,the band's standing strategy",     // line 3: loads
            "stalled,A,email,3,0,,never repeats");                      // line 4: cadence 0
        w.Write("pilots.csv", PilotsHeader,
            "good,call-first,2026-05-01,0.5,7,C;D;E,6,3,fine",          // line 2: loads
            "all-of-them,call-first,2026-05-01,1,7,,6,3,no control",    // line 3: share 1 leaves no control group
            "band-f,call-first,2026-05-01,0.5,7,C;F,6,3,",              // line 4: no band F
            "no-window,call-first,2026-05-01,0.5,7,,0,3,",              // line 5: nothing before the start
            "ghost,no-such-strategy,2026-05-01,0.5,7,,6,3,",            // line 6: unknown strategy
            "mid-month,call-first,2026-05-15,0.5,7,,6,3,");             // line 7: a month measured in part
        new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources);
        Assert.Equal(["call-first", "standard-e"], w.Warehouse.Query("SELECT strategy_id FROM collection_strategies ORDER BY 1", r => r.GetString(0)));
        Assert.Equal(["good"], w.Warehouse.Query("SELECT pilot_id FROM pilots", r => r.GetString(0)));
        Assert.Equal(
            [("collection_strategies.csv", 4L, "non_positive_cadence"), ("pilots.csv", 3L, "share_out_of_range"), ("pilots.csv", 4L, "unknown_score_band"),
             ("pilots.csv", 5L, "pre_months_out_of_range"), ("pilots.csv", 6L, "unknown_collection_strategy"), ("pilots.csv", 7L, "start_not_first_of_month")],
            w.Warehouse.Query("SELECT file_name, line_number, reason_code FROM rejects ORDER BY file_name, line_number",
                r => (Path.GetFileName(r.GetString(0)), r.GetInt64(1), r.GetString(2))));
    }
}
