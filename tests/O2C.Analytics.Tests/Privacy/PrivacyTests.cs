using O2C.Analytics.Reports.QuarterlyReview;
using System.Text;
using ClosedXML.Excel;
using MimeKit;
using O2C.Analytics.Audit;
using O2C.Analytics.Mail;
using O2C.Analytics.Pipeline;
using O2C.Analytics.Privacy;
using O2C.Analytics.Render.Excel;
using O2C.Analytics.Reports.MonthlyPack;
using O2C.Analytics.Tests.Support;
using O2C.Analytics.Storage;

namespace O2C.Analytics.Tests.Privacy;

/// <summary>Personal data: what a mailed pack carries, pseudonyms for outputs that leave the company, retention purge.</summary>
[Collection(SamplePackCollection.Name)]
public sealed class PrivacyTests(SamplePackFixture run)
{
    [Fact]
    public void A_mailed_pack_carries_no_free_text_from_payments_and_with_pseudonymise_no_customer_or_collector_name()
    {
        List<string> names, collectors, freeText;
        using (var w = run.OpenWarehouse())
        {
            names = w.Query("SELECT DISTINCT customer_name FROM customers", r => r.GetString(0));
            collectors = w.Query("SELECT DISTINCT collector FROM customers WHERE collector IS NOT NULL AND collector <> 'Unassigned'", r => r.GetString(0));
            // Remittance advice and bank references can carry payer names, emails and account numbers.
            freeText = w.Query("""
                SELECT DISTINCT v FROM (SELECT remittance_text AS v FROM receipts UNION ALL SELECT bank_reference FROM receipts)
                WHERE length(v) >= 8
                """, r => r.GetString(0));
        }
        Assert.True(freeText.Count > 1000);

        var outbox = new OutputPaths(Path.Combine(run.Folder, "reports-private"), run.Options.WarehousePath);
        string emlPlain, emlPrivate;
        using (var w = run.OpenWritable())
        {
            emlPlain = PackPublisher.Send(w, run.Pack, run.Result.WorkbookPath, new MailSettings { PackRecipients = ["cfo@example.com"] }, outbox).Where;
            emlPrivate = PackPublisher.Send(w, run.Pack, run.Result.WorkbookPath,
                new MailSettings { PackRecipients = ["auditor@partner.example"], Pseudonymise = true }, outbox).Where;
        }

        Assert.NotEqual(emlPlain, emlPrivate); // two messages in the same second: two files, neither overwritten
        var plainText = MessageText(emlPlain);
        Assert.DoesNotContain(freeText, plainText.Contains);
        Assert.Contains(names, plainText.Contains); // by default the pack names its customers (business names)

        var privateText = MessageText(emlPrivate);
        Assert.DoesNotContain(freeText, privateText.Contains);
        Assert.DoesNotContain(names, privateText.Contains);
        Assert.DoesNotContain(collectors, privateText.Contains);

        // The figures are the same; the names are stable pseudonyms, one per customer.
        using var message = MimeMessage.Load(emlPrivate);
        using var attached = new MemoryStream();
        ((MimePart)message.Attachments.Single()).Content!.DecodeTo(attached);
        using var outgoing = new XLWorkbook(attached);
        var inside = run.Workbook.Worksheet(TopOverdueSheet.Name).Table("TopOverdue").DataRange.Rows().ToList();
        var outside = outgoing.Worksheet(TopOverdueSheet.Name).Table("TopOverdue").DataRange.Rows().ToList();
        Assert.Equal(inside.Count, outside.Count);
        // Every column but the customer's name is identical.
        var named = TopOverdueSheet.Columns.Select((c, k) => (c.Field, k + 1)).Where(c => c.Field is "customer_id" or "customer_name" or "collector").Select(c => c.Item2).ToHashSet();
        string Figures(IXLTableRow r) => string.Join("|", Enumerable.Range(1, TopOverdueSheet.Columns.Count).Where(k => !named.Contains(k)).Select(k => r.Cell(k).GetString()));
        var nameColumn = TopOverdueSheet.Columns.Select(c => c.Field).ToList().IndexOf("customer_name") + 1;
        var pairs = inside.Zip(outside, (i, o) => (Name: i.Cell(nameColumn).GetString(), Pseudonym: o.Cell(nameColumn).GetString(), Same: Figures(i) == Figures(o))).ToList();
        Assert.All(pairs, p => Assert.True(p.Same));
        Assert.All(pairs, p => Assert.Matches("^Customer-[0-9A-F]{10}$", p.Pseudonym));
        Assert.Equal(pairs.Select(p => p.Name).Distinct().Count(), pairs.Select(p => p.Pseudonym).Distinct().Count());
        using (var w = run.OpenWarehouse())
        {
            var sent = new AuditLog(w).LatestOf(AuditLog.PackSent)!;
            Assert.Contains("for auditor@partner.example", sent.Detail);
            Assert.Contains("\"pseudonymised\":true", sent.Data);
        }
    }

    [Fact]
    public void Purge_removes_only_what_closed_before_the_date_records_it_and_leaves_every_later_balance_unchanged()
    {
        var folder = Directory.CreateTempSubdirectory("o2c-purge-").FullName;
        try
        {
            var path = Path.Combine(folder, "o2c.duckdb");
            File.Copy(run.Options.WarehousePath, path);
            using var w = O2C.Analytics.Storage.Warehouse.Open(path);
            var before = new DateOnly(2025, 1, 1);
            const string laterBalances = """
                SELECT kpi_id, period_end, dimension, member, value FROM kpi_values
                WHERE kpi_id IN ('total_open_ar', 'past_due_pct', 'ar_over_90_pct', 'aging_120_plus_pct') AND period_end >= DATE '2025-01-31'
                  -- by score band only once the bands no longer look back at what went: a score counts 12 months of
                  -- settlements, and a month's band is the one at the month end before (from December 2025's scores)
                  AND (dimension <> 'score_band' OR period_end >= DATE '2026-01-31')
                ORDER BY ALL
                """;
            var balancesBefore = w.Query(laterBalances, r => (r.GetString(0), r.GetFieldValue<DateOnly>(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? (decimal?)null : r.GetDecimal(4)));
            var documentsBefore = w.Scalar<long>("SELECT count(*) FROM documents");
            var oldActivities = w.Scalar<long>("SELECT count(*) FROM collection_activities WHERE activity_date < DATE '2025-01-01'");

            var result = new RetentionPurge(w, SqlFolder.Default()).Purge(before);

            var removed = result.Tables.ToDictionary(t => t.Table, t => t.Rows);
            Assert.True(removed["documents"] > 1000, $"documents removed: {removed["documents"]}");
            Assert.True(removed["applications"] > 1000 && removed["receipts"] > 1000);
            Assert.Equal(documentsBefore - removed["documents"], w.Scalar<long>("SELECT count(*) FROM documents"));
            Assert.True(removed["collection_activities"] >= oldActivities);
            Assert.Equal(0, w.Scalar<long>("SELECT count(*) FROM collection_activities WHERE activity_date < DATE '2025-01-01'"));
            // Nothing dangles: every application still names a document and a receipt.
            Assert.Equal(0, w.Scalar<long>("SELECT count(*) FROM applications a WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.document_id = a.document_id) OR NOT EXISTS (SELECT 1 FROM receipts r WHERE r.receipt_id = a.receipt_id)"));
            // Recorded: one purges row per table with its count, and the audit log names the command and total.
            Assert.Equal(result.Tables.Select(t => (t.Table, t.Rows)),
                w.Query("SELECT table_name, rows_removed FROM purges WHERE purge_id = 1 ORDER BY rowid", r => (r.GetString(0), r.GetInt64(1))));
            var entry = new AuditLog(w).LatestOf(AuditLog.Purge)!;
            Assert.StartsWith($"purge 1 of source rows before 2025-01-01: {result.Rows:N0} rows removed (", entry.Detail);
            Assert.True(new AuditLog(w).Verify().Intact);

            // Every balance from the cut-off on is exactly what it was: only settled history went.
            WarehouseRefresh.Run(w, SqlFolder.Default(), "USD");
            Assert.Equal(balancesBefore, w.Query(laterBalances, r => (r.GetString(0), r.GetFieldValue<DateOnly>(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? (decimal?)null : r.GetDecimal(4))));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Every text part of a message and every part of its attached workbooks, decoded.</summary>
    private static string MessageText(string emlPath)
    {
        using var message = MimeMessage.Load(emlPath);
        var text = new StringBuilder(message.TextBody).Append(message.HtmlBody).Append(message.Subject);
        foreach (var part in message.Attachments.OfType<MimePart>())
        {
            using var bytes = new MemoryStream();
            part.Content!.DecodeTo(bytes);
            bytes.Position = 0;
            text.Append(WorkbookText.Of(bytes));
        }
        return text.ToString();
    }
}
