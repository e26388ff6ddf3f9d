using O2C.Analytics.Load;
using O2C.Analytics.Metrics;
using O2C.Analytics.Pipeline;
using O2C.Analytics.Storage;

namespace O2C.Analytics.Tests.Support;

/// <summary>A small hand-made data set, loaded and refreshed, whose KPI values a test checks against arithmetic.</summary>
public abstract class KpiScenario : IDisposable
{
    protected KpiScenario()
    {
        W = new TempWarehouse();
        WriteFiles(W);
        var load = new CanonicalLoader(W.Warehouse).LoadFolder(W.Sources);
        if (load.RowsRejected > 0)
            throw new InvalidOperationException("scenario data has rejects: " + string.Join("; ", load.RejectReasons.Select(r => $"{r.FileName}:{r.FirstLine} {r.ReasonCode}")));
        WarehouseRefresh.Run(W.Warehouse, SqlFolder.Default(), "USD");
    }

    public TempWarehouse W { get; }

    protected abstract void WriteFiles(TempWarehouse w);

    public KpiValue Kpi(string kpi, string month, string dimension = ReportingDimension.Company, string member = ReportingDimension.AllMembers)
    {
        var periodEnd = DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).AddMonths(1).AddDays(-1);
        return KpiValueReader.Read(W.Warehouse, dimension, periodEnd).Single(v => v.KpiId == kpi && v.Member == member);
    }

    public decimal? Value(string kpi, string month, string dimension = ReportingDimension.Company, string member = ReportingDimension.AllMembers) =>
        Kpi(kpi, month, dimension, member).Value;

    public void Dispose()
    {
        W.Dispose();
        GC.SuppressFinalize(this);
    }
}
