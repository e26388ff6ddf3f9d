using O2C.Analytics.Metrics;
using O2C.Analytics.Tests.Support;

namespace O2C.Analytics.Tests.CustomerScore;

/// <summary>
/// Issue 23: the score band is a reporting dimension. A KPI's month counts each customer in the band it had at the
/// month end before (never the band the month itself made), 'Unscored' without one; the bands add up to the company;
/// the KPIs computed per member as a whole are not cut by it.
/// </summary>
[Collection(SamplePackCollection.Name)]
public sealed class KpiByScoreBandTests(SamplePackFixture run)
{
    [Fact]
    public void October_band_E_open_ar_is_the_ar_of_the_customers_who_were_E_at_the_end_of_September()
    {
        using var w = run.OpenWarehouse();
        decimal Stored(string kpi, string member, string part) => w.Scalar<decimal>(
            $"SELECT {part} FROM kpi_values WHERE kpi_id = '{kpi}' AND period_end = DATE '2026-10-31' AND dimension = 'score_band' AND member = '{member}'");
        decimal Direct(string bandAt, string sum) => w.Scalar<decimal>($"""
            SELECT coalesce(sum({sum}), 0) FROM fct_customer_month f
            JOIN fct_customer_score_monthly s ON s.customer_id = f.customer_id AND s.month_end = DATE '{bandAt}' AND s.score_band = 'E'
            WHERE f.month_end = DATE '2026-10-31'
            """);
        Assert.Equal(Direct("2026-09-30", "f.ar_end_rc"), Stored("total_open_ar", "E", "numerator"));
        // ADD = past-due AR x days / credit sales of 3 months, summed over the same customers.
        Assert.Equal(Direct("2026-09-30", "f.past_due_ar_rc * f.days_in_window3"), Stored("add", "E", "numerator"));
        Assert.Equal(Direct("2026-09-30", "f.credit_sales_3m_rc"), Stored("add", "E", "denominator"));
        // Not vacuous: counted by their October band instead, band E's AR differs.
        Assert.NotEqual(Direct("2026-10-31", "f.ar_end_rc"), Stored("total_open_ar", "E", "numerator"));
    }

    [Fact]
    public void The_bands_add_up_to_the_company_every_month_and_per_member_kpis_have_no_band()
    {
        using var w = run.OpenWarehouse();
        Assert.Equal(0L, w.Scalar<long>("""
            SELECT count(*) FROM (
                SELECT period_end, sum(numerator) FILTER (WHERE dimension = 'score_band') AS bands,
                       sum(numerator) FILTER (WHERE dimension = 'company') AS company
                FROM kpi_values WHERE kpi_id IN ('total_open_ar', 'credit_sales', 'cash_collected') GROUP BY kpi_id, period_end)
            WHERE bands IS DISTINCT FROM company
            """));
        Assert.Equal(ReportingDimension.ScoreBandMembers.Order(StringComparer.Ordinal),
            w.Query("SELECT DISTINCT member FROM kpi_values WHERE dimension = 'score_band' ORDER BY 1", r => r.GetString(0)));
        Assert.Equal(0L, w.Scalar<long>("""
            SELECT count(*) FROM kpi_values WHERE dimension = 'score_band' AND kpi_id IN ('dso_countback', 'top10_concentration', 'cash_per_collector')
            """));
        // The first month has no month end before it: every customer is 'Unscored' there.
        Assert.Equal(0L, w.Scalar<long>("""
            SELECT count(*) FROM kpi_values WHERE dimension = 'score_band' AND period_end = DATE '2023-11-30' AND member <> 'Unscored' AND numerator <> 0
            """));
    }
}
