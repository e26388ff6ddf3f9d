using System.Globalization;
using O2C.Analytics.Tests.Support;

namespace O2C.Analytics.Tests.CashApplication;

/// <summary>
/// Issue 24 in the bundled sample: its last three weekdays (28-30 October 2026) come as the banks' statements (BAI2,
/// camt.053, MT940; data-samples/bank), `o2c run` extracts them and cash matching applies them, each application dated
/// the day its receipt was posted. Judged against data-samples/_truth/bank_receipts.csv.
/// </summary>
[Collection(SamplePackCollection.Name)]
public sealed class SampleBankFeedTests(SamplePackFixture run)
{
    private sealed record Truth(string Reference, string Kind, string Customer, HashSet<string> Documents);

    private static List<Truth> ReadTruth() => File.ReadLines(Path.Combine(RepoPaths.DataSamples, "_truth", "bank_receipts.csv")).Skip(1)
        .Select(l => l.Split(',')).Select(f => new Truth(f[0], f[1], f[2], f[3].Split(';').Select(d => d.Split(':')[0]).ToHashSet())).ToList();

    [Fact]
    public void Every_statement_credit_is_a_receipt_and_what_was_applied_automatically_is_right()
    {
        var truth = ReadTruth().ToDictionary(t => t.Reference);
        using var w = run.OpenWarehouse();
        var receipts = w.Query("SELECT receipt_id, bank_reference, customer_id FROM receipts WHERE receipt_id LIKE 'bank-%'",
            r => (Id: r.GetString(0), Reference: r.GetString(1), Customer: r.IsDBNull(2) ? null : r.GetString(2))).ToList();
        Assert.Equal(truth.Count, receipts.Count);
        Assert.All(receipts, r => Assert.True(truth.ContainsKey(r.Reference), r.Reference));
        var applied = w.Query("""
            SELECT a.receipt_id, string_agg(DISTINCT a.document_id, ',' ORDER BY a.document_id), string_agg(DISTINCT d.customer_id, ',')
            FROM applications a JOIN documents d USING (document_id) WHERE a.receipt_id LIKE 'bank-%' AND a.match_method = 'auto' GROUP BY 1
            """, r => (Receipt: r.GetString(0), Documents: r.GetString(1).Split(',').ToHashSet(), Customers: r.GetString(2))).ToList();
        var byId = receipts.ToDictionary(r => r.Id, r => truth[r.Reference]);
        var right = applied.Count(a => byId[a.Receipt].Documents.SetEquals(a.Documents));
        // The study's standard: at least 99.5 % right when applied, and never another customer's documents.
        Assert.True(right >= applied.Count * 0.995, $"{right} of {applied.Count} right");
        Assert.All(applied, a => Assert.Equal(byId[a.Receipt].Customer, a.Customers));
        // Most of it applied without a person: 327 of the 353 credits on the sample.
        Assert.InRange(applied.Count, receipts.Count * 0.9, receipts.Count);
    }

    [Fact]
    public void Octobers_straight_through_rate_counts_the_receipts_cash_matching_applied_by_itself()
    {
        using var w = run.OpenWarehouse();
        // STP by count = receipts of the month fully applied automatically by the month end / receipts of the month.
        var (numerator, denominator) = w.Query("""
            SELECT numerator, denominator FROM kpi_values WHERE kpi_id = 'stp_rate_count' AND dimension = 'company' AND period_end = DATE '2026-10-31'
            """, r => (r.GetDecimal(0), r.GetDecimal(1))).Single();
        var (bankStraight, bank) = w.Query("""
            SELECT count(*) FILTER (WHERE is_straight_through), count(*) FROM fct_receipt_cash_application WHERE receipt_id LIKE 'bank-%'
            """, r => (r.GetInt64(0), r.GetInt64(1))).Single();
        Assert.True(bank > 300, $"{bank} bank receipts in October");
        var erp = w.Query("""
            SELECT count(*) FILTER (WHERE is_straight_through), count(*) FROM fct_receipt_cash_application
            WHERE receipt_id NOT LIKE 'bank-%' AND period_end = DATE '2026-10-31'
            """, r => (Straight: r.GetInt64(0), All: r.GetInt64(1))).Single();
        Assert.Equal((decimal)(erp.Straight + bankStraight), numerator);
        Assert.Equal((decimal)(erp.All + bank), denominator);
        Assert.True((decimal)bankStraight / bank > 0.9m, string.Create(CultureInfo.InvariantCulture, $"bank feed STP {bankStraight} of {bank}"));
    }
}
