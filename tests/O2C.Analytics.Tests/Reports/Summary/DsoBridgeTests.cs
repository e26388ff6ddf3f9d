using O2C.Analytics.Reports.Summary;

namespace O2C.Analytics.Tests.Reports.Summary;

/// <summary>The DSO bridge splits a change into receivables and sales effects that add up to it (hand-computed).</summary>
public sealed class DsoBridgeTests
{
    /// <summary>
    /// Before: AR x days 4,500 (AR 50 over 90 days) / sales 100 = 45.0. After: 5,400 (AR 60) / sales 150 = 36.0.
    /// Receivables effect: (5,400 - 4,500) / 100 = +9.0 (AR alone would have lifted DSO to 54). Sales effect:
    /// 5,400 / 150 - 5,400 / 100 = 36 - 54 = -18.0. 45 + 9 - 18 = 36.
    /// </summary>
    [Fact]
    public void Receivables_and_sales_effects_add_up_to_the_change()
    {
        var bridge = DsoBridge.Of(4_500m, 100m, 5_400m, 150m)!;
        Assert.Equal(45m, bridge.Before);
        Assert.Equal(9m, bridge.ReceivablesEffect);
        Assert.Equal(-18m, bridge.SalesEffect);
        Assert.Equal(36m, bridge.After);
        Assert.Equal(bridge.After - bridge.Before, bridge.ReceivablesEffect + bridge.SalesEffect);
    }

    [Fact]
    public void Without_both_months_or_with_no_sales_there_is_no_bridge()
    {
        Assert.Null(DsoBridge.Of(null, 100m, 5_400m, 150m));
        Assert.Null(DsoBridge.Of(4_500m, 0m, 5_400m, 150m));
    }
}
