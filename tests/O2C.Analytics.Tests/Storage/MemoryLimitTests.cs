using O2C.Analytics.Storage;

namespace O2C.Analytics.Tests.Storage;

/// <summary>DuckDB is bounded by default: a sixth of the memory available, 512 MiB to 4 GiB, unless O2C_MEMORY_LIMIT says otherwise.</summary>
public sealed class MemoryLimitTests
{
    private const long GiB = 1L << 30;

    [Theory]
    [InlineData(24 * GiB, "4096MiB")]   // 24/6 = 4 GiB: this machine, where the 10M run stayed under 6 GiB at 4 GB
    [InlineData(64 * GiB, "4096MiB")]   // capped: more memory does not make the process bigger
    [InlineData(12 * GiB, "2048MiB")]   // 12/6 = 2 GiB
    [InlineData(8 * GiB, "1365MiB")]    // 8192 MiB / 6 = 1365.3
    [InlineData(2 * GiB, "512MiB")]     // floor: 341 MiB would be too little for a month-end snapshot
    public void The_default_is_a_sixth_of_the_memory_between_512_MiB_and_4_GiB(long available, string expected) =>
        Assert.Equal(expected, Warehouse.DefaultMemoryLimit(available));

    [Fact]
    public void A_warehouse_opens_with_the_default_bound_in_force()
    {
        // Only when the variable is not set in this process (CI sets none).
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("O2C_MEMORY_LIMIT"))) return;
        using var warehouse = Warehouse.Open(":memory:");
        var expectedMiB = long.Parse(Warehouse.MemoryLimit().Replace("MiB", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        // DuckDB reports the limit back in its own units ("4.0 GiB", "1.3 GiB", "512.0 MiB"), to one decimal.
        var reported = warehouse.Scalar<string>("SELECT current_setting('memory_limit')")!;
        var number = double.Parse(reported.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        var reportedMiB = reported.EndsWith("GiB", StringComparison.Ordinal) ? number * 1024 : number;
        Assert.InRange(reportedMiB, expectedMiB - 52, expectedMiB + 52);
    }
}
