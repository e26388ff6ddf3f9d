using O2C.Analytics.Render.Excel;
using O2C.Analytics.Reports.MonthlyPack;

namespace O2C.Analytics.Tests.Render.Excel;

public sealed class TrendSparklineTests
{
    [Fact]
    public void Values_scale_between_the_series_minimum_and_maximum_over_eight_block_heights()
    {
        // min 10, max 24, 7 steps of 2: (x - 10) / 14 * 7 -> 0, 1, 2, ..., 7; a missing month is a blank.
        Assert.Equal("▁▂▃▄ ▅▆▇█", TrendSparkline.Of([10m, 12m, 14m, 16m, null, 18m, 20m, 22m, 24m]));
        // 17 sits half-way: 3.5 rounds to even (4 -> ▅).
        Assert.Equal("▁▅█", TrendSparkline.Of([10m, 17m, 24m]));
    }

    [Fact]
    public void A_flat_or_empty_series_draws_a_flat_line_or_nothing()
    {
        Assert.Equal("▄▄▄", TrendSparkline.Of([5m, 5m, 5m]));
        Assert.Equal("", TrendSparkline.Of([null, null]));
    }
}
