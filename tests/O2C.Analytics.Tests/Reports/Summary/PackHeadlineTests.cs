using System.Globalization;
using O2C.Analytics.Reports.MonthlyPack;
using O2C.Analytics.Reports.Summary;
using O2C.Analytics.Tests.Support;

namespace O2C.Analytics.Tests.Reports.Summary;

/// <summary>The headline of the sample's October 2026 pack: every figure in it is kpi_values', and the driver is the largest contribution.</summary>
[Collection(SamplePackCollection.Name)]
public sealed class PackHeadlineTests(SamplePackFixture run)
{
    [Fact]
    public void The_headline_figures_are_kpi_values_and_it_leads_the_scorecard()
    {
        decimal V(string sql) { using var w = run.OpenWarehouse(); return w.Scalar<decimal>(sql); }
        const string Kpi = "SELECT {0} FROM kpi_values WHERE kpi_id = '{1}' AND dimension = 'company' AND period_end = DATE '{2}'";
        var cash = V(string.Format(CultureInfo.InvariantCulture, Kpi, "value", "cash_collected", "2026-10-31"));
        var cashBefore = V(string.Format(CultureInfo.InvariantCulture, Kpi, "value", "cash_collected", "2026-09-30"));
        var dso = V(string.Format(CultureInfo.InvariantCulture, Kpi, "value", "dso", "2026-10-31"));
        var overdue = V(string.Format(CultureInfo.InvariantCulture, Kpi, "numerator", "past_due_pct", "2026-10-31"));
        var overdueBefore = V(string.Format(CultureInfo.InvariantCulture, Kpi, "numerator", "past_due_pct", "2026-09-30"));
        var share = V(string.Format(CultureInfo.InvariantCulture, Kpi, "value", "past_due_pct", "2026-10-31"));
        string M(decimal x) => (x / 1_000_000m).ToString("0.0", CultureInfo.InvariantCulture) + " M";

        var headline = PackHeadline.Of(run.Pack);
        Console.WriteLine(headline);
        Assert.StartsWith($"October 2026: cash collected {M(cash)}, {(cash >= cashBefore ? "+" : "\u2212")}{M(Math.Abs(cash - cashBefore))} (", headline);
        Assert.Contains($"DSO {dso.ToString("0.0", CultureInfo.InvariantCulture)} days", headline);
        Assert.Contains($"overdue {M(overdue)} = {share.ToString("0.0", CultureInfo.InvariantCulture)} % of AR, {(overdue >= overdueBefore ? "+" : "\u2212")}{M(Math.Abs(overdue - overdueBefore))}", headline);

        // The driver: the segment whose past-due amount moved most in the company's direction, read straight from kpi_values.
        string expected;
        using (var w = run.OpenWarehouse())
            expected = w.Scalar<string>($"""
                SELECT member FROM (
                    SELECT coalesce(n.member, b.member) AS member, coalesce(n.numerator, 0) - coalesce(b.numerator, 0) AS change
                    FROM (SELECT * FROM kpi_values WHERE kpi_id = 'past_due_pct' AND dimension = 'segment' AND period_end = DATE '2026-10-31') n
                    FULL JOIN (SELECT * FROM kpi_values WHERE kpi_id = 'past_due_pct' AND dimension = 'segment' AND period_end = DATE '2026-09-30') b USING (member)
                ) WHERE sign(change) = {Math.Sign(overdue - overdueBefore)} ORDER BY abs(change) DESC, member LIMIT 1
                """)!;
        // The bucket: the aging bucket whose past-due amount moved most the same way, from the snapshot.
        string bucket;
        using (var w = run.OpenWarehouse())
            bucket = w.Scalar<string>($"""
                SELECT bucket FROM (
                    SELECT aging_bucket AS bucket,
                           sum(open_amount_rc) FILTER (WHERE month_end = DATE '2026-10-31') - coalesce(sum(open_amount_rc) FILTER (WHERE month_end = DATE '2026-09-30'), 0) AS change
                    FROM fct_ar_snapshot_monthly WHERE is_past_due AND month_end IN (DATE '2026-09-30', DATE '2026-10-31') GROUP BY 1
                ) WHERE sign(change) = {Math.Sign(overdue - overdueBefore)} ORDER BY abs(change) DESC LIMIT 1
                """)!;
        Assert.Contains($"most of it in the {bucket.Replace(" days", "", StringComparison.Ordinal)} days bucket and from the {expected} segment.", headline);
        Assert.Equal(headline, run.Workbook.Worksheet(SummarySheet.Name).Cell(SummarySheet.HeadlineRow, 1).GetString());
    }
}
