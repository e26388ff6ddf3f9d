using O2C.Analytics.Metrics;

namespace O2C.Analytics.Tests.Metrics;

public class RagStatusTests
{
    [Theory]
    // DSO (lower is better), target 45, tolerance 5: 45 and below green, up to 50 amber, beyond red.
    [InlineData(KpiDirection.LowerIsBetter, 44.0, Rag.Green)]
    [InlineData(KpiDirection.LowerIsBetter, 45.0, Rag.Green)]
    [InlineData(KpiDirection.LowerIsBetter, 50.0, Rag.Amber)]
    [InlineData(KpiDirection.LowerIsBetter, 50.1, Rag.Red)]
    // CEI (higher is better), target 45 for symmetry: 45 and above green, down to 40 amber, below red.
    [InlineData(KpiDirection.HigherIsBetter, 46.0, Rag.Green)]
    [InlineData(KpiDirection.HigherIsBetter, 40.0, Rag.Amber)]
    [InlineData(KpiDirection.HigherIsBetter, 39.9, Rag.Red)]
    public void Direction_aware_with_a_tolerance_band(KpiDirection direction, double actual, Rag expected) =>
        Assert.Equal(expected, RagStatus.Of(direction, (decimal)actual, 45m, 5m));

    [Fact]
    public void Without_a_target_or_a_value_nothing_is_rated()
    {
        Assert.Equal(Rag.NotRated, RagStatus.Of(KpiDirection.LowerIsBetter, 40m, null, null));
        Assert.Equal(Rag.NotRated, RagStatus.Of(KpiDirection.LowerIsBetter, null, 45m, 5m));
    }
}
