using O2C.Analytics.Pipeline;
using O2C.Analytics.Tests.Support;
using O2C.Analytics.Storage;

namespace O2C.Analytics.Tests.Spc;

/// <summary>
/// The bundled sample's deteriorating customers (12 % of them) pay later from February 2026 on
/// (data-samples/_truth/customer_profiles.csv): the KPIs they move must signal within three months, the KPIs they
/// do not touch must stay quiet.
/// </summary>
public sealed class SampleSignalsTests(SampleSignalsTests.RefreshedSample sample) : IClassFixture<SampleSignalsTests.RefreshedSample>
{
    private readonly TempWarehouse _w = sample.W;

    public sealed class RefreshedSample : IDisposable
    {
        public RefreshedSample()
        {
            new O2C.Analytics.Load.CanonicalLoader(W.Warehouse).LoadFolder(RepoPaths.DataSamples);
            WarehouseRefresh.Run(W.Warehouse, SqlFolder.Default(), "USD");
        }

        public TempWarehouse W { get; } = new();
        public void Dispose() => W.Dispose();
    }

    private DateOnly? FirstBadSignal(string kpi, string from) => _w.Warehouse.Scalar<DateOnly?>($"""
        SELECT min(period_end) FROM spc_signals
        WHERE kpi_id = '{kpi}' AND dimension = 'company' AND alerting AND is_bad AND period_end >= DATE '{from}'
        """);

    [Theory]
    [InlineData("add")]
    [InlineData("avg_days_late")]
    [InlineData("avg_days_to_pay")]
    [InlineData("cei")]
    [InlineData("past_due_pct")]
    public void Deterioration_from_february_2026_is_signalled_by_may(string kpi) =>
        Assert.InRange(FirstBadSignal(kpi, "2026-02-01")!.Value, new DateOnly(2026, 2, 28), new DateOnly(2026, 5, 31));

    [Theory]
    [InlineData("add")]
    [InlineData("avg_days_to_pay")]
    [InlineData("cei")]
    public void Before_the_deterioration_these_kpis_raise_no_bad_alert(string kpi) =>
        Assert.Equal(0, _w.Warehouse.Scalar<long>(
            $"SELECT count(*) FROM spc_signals WHERE kpi_id = '{kpi}' AND dimension = 'company' AND alerting AND is_bad AND period_end < DATE '2026-02-01'"));

    [Theory]
    [InlineData("invoice_cycle_time")]
    [InlineData("first_time_right_rate")]
    [InlineData("stp_rate_value")]
    [InlineData("credit_memo_pct")]
    [InlineData("dispute_sla_compliance")]
    public void A_stable_kpi_has_no_rule_1_signal(string kpi) =>
        Assert.Equal(0, _w.Warehouse.Scalar<long>($"SELECT count(*) FROM spc_signals WHERE kpi_id = '{kpi}' AND dimension = 'company' AND rule LIKE '1:%'"));
}
