namespace O2C.Analytics.Tests.Support;

/// <summary>Test classes that share one run of the sample pipeline.</summary>
[CollectionDefinition(Name)]
public sealed class SamplePackCollection : ICollectionFixture<SamplePackFixture>
{
    public const string Name = "sample pack";
}
