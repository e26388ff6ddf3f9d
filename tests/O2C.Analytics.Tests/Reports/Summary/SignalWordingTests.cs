using O2C.Analytics.Reports.Summary;
using O2C.Analytics.Spc;

namespace O2C.Analytics.Tests.Reports.Summary;

/// <summary>Control-chart signals read in words, with no rule numbers, for each rule and direction.</summary>
public sealed class SignalWordingTests
{
    [Theory]
    [InlineData(RunRules.BeyondThreeSigma, "up", "above its normal range this month")]
    [InlineData(RunRules.TwoOfThreeBeyondTwoSigma, "down", "far below its usual level in 2 of the last 3 months")]
    [InlineData(RunRules.FourOfFiveBeyondOneSigma, "up", "above its usual level in 4 of the last 5 months")]
    [InlineData(RunRules.NineOnOneSide, "down", "below its average 9 months in a row")]
    [InlineData(RunRules.SixTrending, "up", "rising 6 months in a row")]
    public void Each_rule_reads_in_plain_words(string rule, string direction, string expected) =>
        Assert.Equal(expected, SignalWording.Of(rule, direction));
}
