using O2C.Analytics.Tests.Support;

namespace O2C.Analytics.Tests.Reports.QuarterlyReview;

/// <summary>
/// Issue 18: an SLA the BPO owns is measured on the items the BPO handled, never on the client's in-house teams'
/// (46 % of cash-posting and invoice-sending items were before); the in-house items of the same SLA are shown beside
/// it; the cause ranking adds up to the breaches.
/// </summary>
[Collection(SamplePackCollection.Name)]
public sealed class SlaOwnershipTests(SamplePackFixture run)
{
    [Fact]
    public void A_bpo_owned_sla_never_counts_an_in_house_item()
    {
        using var w = run.OpenWarehouse();
        Assert.Equal(0L, w.Scalar<long>("""
            SELECT count(*) FROM sla_measurements m JOIN sla_definitions d USING (sla_id)
            WHERE d.owner = 'bpo' AND m.measured AND m.handled_by <> 'bpo'
            """));
        // The BPO's own items it does not count are those a system outage (the client's) excused, and only those.
        Assert.Equal(0L, w.Scalar<long>("""
            SELECT count(*) FROM sla_measurements m JOIN sla_definitions d USING (sla_id)
            WHERE d.owner = 'bpo' AND m.handled_by = 'bpo' AND NOT m.measured AND m.cause <> 'system outage'
            """));
        // Not vacuous: the BPO-owned SLAs do see in-house and unassigned items, and leave them out.
        Assert.True(w.Scalar<long>("""
            SELECT count(*) FROM sla_measurements m JOIN sla_definitions d USING (sla_id)
            WHERE d.owner = 'bpo' AND m.handled_by = 'client' AND NOT m.measured
            """) > 1_000);
        // The sample's in-house teams are the client's, its BPO teams the BPO's (SlaContract's default rule).
        Assert.Equal(["BPO Krakow:bpo", "BPO Manila:bpo", "In-house Chicago:client", "In-house Dublin:client"],
            w.Query("SELECT team || ':' || party FROM sla_teams ORDER BY team", r => r.GetString(0)));
    }

    [Fact]
    public void The_review_line_counts_the_bpos_items_and_shows_the_in_house_teams_beside_it()
    {
        var review = run.Result.SlaReview!;
        var cash = review.Lines.Single(l => l.SlaId == "cash_posted");
        using var w = run.OpenWarehouse();
        long Count(string where) => w.Scalar<long>($"SELECT count(*) FROM sla_measurements WHERE sla_id = 'cash_posted' AND quarter = '2026Q3' AND {where}");
        // The BPO's items, less those the July outage excused.
        Assert.Equal(Count("handled_by = 'bpo' AND cause <> 'system outage'"), cash.Volume);
        Assert.Equal(Count("handled_by = 'bpo' AND cause <> 'system outage' AND breach"), cash.Breaches);
        Assert.Equal(Count("handled_by = 'client'"), cash.InhouseVolume);
        Assert.Equal(Count("handled_by = 'unassigned'"), cash.UnassignedVolume);
        Assert.Equal(Math.Round((decimal)Count("handled_by = 'client' AND NOT breach") / Count("handled_by = 'client'"), 6),
            Math.Round(cash.InhouseCompliance!.Value, 6));
    }

    [Fact]
    public void The_cause_ranking_adds_up_to_each_slas_breaches()
    {
        var review = run.Result.SlaReview!;
        var sla = review.Causes.IndexOf("sla_id");
        var breaches = review.Causes.IndexOf("breaches");
        foreach (var line in review.Lines)
            Assert.Equal(line.Breaches, review.Causes.Rows.Where(r => (string)r[sla]! == line.SlaId).Sum(r => Convert.ToInt64(r[breaches], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(review.BreachesInQuarter, review.Lines.Sum(l => l.Breaches));
    }

    [Fact]
    public void The_quarters_credits_follow_the_contract_and_the_summary_says_them()
    {
        var review = run.Result.SlaReview!;
        var credits = review.Credits!;
        Assert.Equal(credits.Capped, review.Lines.Sum(l => l.ServiceCredit));
        Assert.True(credits.Capped <= 10_000m);
        // Only the BPO's breaches cost it: the client-owned SLA (credit memos) earns nothing.
        Assert.Equal(0m, review.Lines.Single(l => l.SlaId == "credit_memo_issued").ServiceCredit);
        using var workbook = new ClosedXML.Excel.XLWorkbook(run.Result.SlaReviewPath);
        var summary = workbook.Worksheet("Summary").Column(1).CellsUsed().Select(c => c.GetString()).ToList();
        Assert.Contains(summary, t => t.StartsWith($"Service credits for 2026Q3 (BPO breaches only): {credits.Gross:N2} USD", StringComparison.Ordinal));
    }
}
