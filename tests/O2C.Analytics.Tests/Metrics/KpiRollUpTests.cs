using O2C.Analytics.Load;
using O2C.Analytics.Metrics;
using O2C.Analytics.Pipeline;
using O2C.Analytics.Storage;
using O2C.Analytics.Tests.Support;
using static O2C.Analytics.Tests.Support.CanonicalFiles;

namespace O2C.Analytics.Tests.Metrics;

/// <summary>
/// A KPI is rolled up to every dimension member through the customers' cells (KpiCalculator.DefineCustomerCells):
/// customers that differ in one dimension only must still land in their own members. Each customer has one open
/// invoice of a distinct power of ten, so a member's total open AR names exactly the customers it holds.
///
///   C1  Enterprise  North America  USD  B  Ann   Team A     1.00
///   C2  Enterprise  EMEA           USD  B  Ann   Team A    10.00   (region only)
///   C3  SMB         North America  USD  B  Ann   Team A   100.00   (segment only)
///   C4  Enterprise  North America  USD  D  Ann   Team A 1,000.00   (risk class only)
///   C5  Enterprise  North America  USD  B  (no collector) Team A  10,000.00   (collector only: Unassigned)
///   C6  Enterprise  North America  USD  B  Ann   Team B 100,000.00   (BPO team only)
/// </summary>
public sealed class KpiRollUpTests : IDisposable
{
    private readonly TempWarehouse _w = new();
    private static readonly DateOnly March = new(2026, 3, 31);

    public KpiRollUpTests()
    {
        _w.Write("customers.csv", Customers,
            Customer("C1"),
            Customer("C2", region: "EMEA"),
            Customer("C3", segment: "SMB"),
            "C4,Customer C4,Enterprise,North America,US,USD,30,100000.00,D,Ann,Team A,true",
            "C5,Customer C5,Enterprise,North America,US,USD,30,100000.00,B,,Team A,true",
            "C6,Customer C6,Enterprise,North America,US,USD,30,100000.00,B,Ann,Team B,true");
        _w.Write("fx_rates.csv", FxRates, "2026-01-01,EUR,USD,1.10");
        _w.Write("documents.csv", Documents,
            Invoice("I1", "C1", "2026-03-10", "2026-04-09", "1.00"),
            Invoice("I2", "C2", "2026-03-10", "2026-04-09", "10.00"),
            Invoice("I3", "C3", "2026-03-10", "2026-04-09", "100.00"),
            Invoice("I4", "C4", "2026-03-10", "2026-04-09", "1000.00"),
            Invoice("I5", "C5", "2026-03-10", "2026-04-09", "10000.00"),
            Invoice("I6", "C6", "2026-03-10", "2026-04-09", "100000.00"));
        new CanonicalLoader(_w.Warehouse).LoadFolder(_w.Sources);
        WarehouseRefresh.Run(_w.Warehouse, SqlFolder.Default(), "USD");
    }

    public void Dispose() => _w.Dispose();

    [Theory]
    [InlineData("company", "All", "111111.00")]
    [InlineData("region", "North America", "111101.00")] // all but C2
    [InlineData("region", "EMEA", "10.00")]
    [InlineData("segment", "Enterprise", "111011.00")] // all but C3
    [InlineData("segment", "SMB", "100.00")]
    [InlineData("risk_class", "B", "110111.00")] // all but C4
    [InlineData("risk_class", "D", "1000.00")]
    [InlineData("collector", "Ann", "101111.00")] // all but C5
    [InlineData("collector", "Unassigned", "10000.00")]
    [InlineData("bpo_team", "Team A", "11111.00")] // all but C6
    [InlineData("bpo_team", "Team B", "100000.00")]
    [InlineData("currency", "USD", "111111.00")]
    public void Each_member_holds_exactly_its_own_customers_open_ar(string dimension, string member, string openAr)
    {
        var value = KpiValueReader.Read(_w.Warehouse, dimension, March).Single(v => v.KpiId == "total_open_ar" && v.Member == member);
        Assert.Equal(decimal.Parse(openAr, System.Globalization.CultureInfo.InvariantCulture), value.Numerator);
    }
}
