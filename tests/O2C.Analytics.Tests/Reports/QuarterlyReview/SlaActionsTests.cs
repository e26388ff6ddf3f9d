using O2C.Analytics.Reports.QuarterlyReview;
using O2C.Analytics.Sla;
using O2C.Analytics.Storage;
using O2C.Analytics.Tests.Support;

namespace O2C.Analytics.Tests.Reports.QuarterlyReview;

/// <summary>
/// Issue 18: actions agreed on breach causes (configured: owner, due date, status) are carried from quarter to quarter
/// until closed. On a copy of the sample warehouse, reviewed for 2026Q2 and 2026Q3 with four actions:
///   A1 cash_posted / manual match, raised 2026Q1, due 2026-06-30, done 2026-05-20 -> in Q2 (closed in it), not in Q3;
///   A2 ptp_followup / no follow-up, raised 2026Q2, due 2026-08-31, open -> in Q2 (not overdue) and Q3 (carried, overdue);
///   A3 invoice_sent / paper invoice, raised 2026Q3, due 2026-12-31, open -> only in Q3 (not carried, not overdue);
///   A4 cash_posted / missing remittance, raised 2025Q4, dropped 2026-01-15 -> in neither.
/// </summary>
[Collection(SamplePackCollection.Name)]
public sealed class SlaActionsTests(SamplePackFixture run) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("o2c-sla-actions-").FullName;

    private static readonly SlaContract Contract = new()
    {
        Actions =
        [
            new() { Id = "A1", Sla = "cash_posted", Cause = "manual match", Action = "Teach the matcher the payers' reference formats", Owner = "Cash-app lead", Raised = "2026Q1", Due = "2026-06-30", Status = "done", Closed = "2026-05-20" },
            new() { Id = "A2", Sla = "ptp_followup", Cause = "no follow-up", Action = "Daily broken-promise queue in the collectors' worklist", Owner = "BPO Manila team lead", Raised = "2026Q2", Due = "2026-08-31" },
            new() { Id = "A3", Sla = "invoice_sent", Cause = "paper invoice", Action = "Move paper customers to e-invoicing", Owner = "Billing manager", Raised = "2026Q3", Due = "2026-12-31" },
            new() { Id = "A4", Sla = "cash_posted", Cause = "missing remittance", Action = "Ask top payers for remittance advice", Owner = "Cash-app lead", Raised = "2025Q4", Due = "2026-03-31", Status = "dropped", Closed = "2026-01-15" },
        ],
    };

    private IReadOnlyList<(string Id, string Status, string Carried, string Overdue)> Actions(Warehouse w, SlaQuarter quarter)
    {
        var review = SlaReviewReader.Read(w, SqlFolder.Default(), quarter, DateTime.UtcNow);
        var t = review.Actions!;
        return t.Rows.Select(r => ((string)r[t.IndexOf("action_id")]!, (string)r[t.IndexOf("status")]!,
            (string)r[t.IndexOf("carried_over")]!, (string)r[t.IndexOf("overdue")]!)).OrderBy(a => a.Item1, StringComparer.Ordinal).ToList();
    }

    [Fact]
    public void An_open_action_is_carried_from_quarter_to_quarter_until_it_is_closed()
    {
        using var w = Warehouse.Open(run.CopyWarehouseTo(_folder));
        SlaRunner.Run(w, SqlFolder.Default(), SlaCatalog.Defaults, Contract);
        // In Q2 A1 was still open until 20 May: closed in the quarter, shown as done.
        Assert.Equal([("A1", "done", "yes", "no"), ("A2", "open", "no", "no")], Actions(w, new SlaQuarter(2026, 2)));
        Assert.Equal([("A2", "open", "yes", "yes"), ("A3", "open", "no", "no")], Actions(w, new SlaQuarter(2026, 3)));
        var review = SlaReviewReader.Read(w, SqlFolder.Default(), new SlaQuarter(2026, 3), DateTime.UtcNow);
        Assert.Equal((2, 1, 0), review.ActionCounts);
        Assert.StartsWith("Actions: 2 open (1 overdue), 0 closed this quarter", SlaReviewWorkbook.ActionsInWords(review), StringComparison.Ordinal);
    }

    [Fact]
    public void An_action_that_names_no_sla_or_lacks_its_closing_date_is_refused_with_its_reason()
    {
        using var w = Warehouse.Open(run.CopyWarehouseTo(_folder));
        var bad = new SlaContract { Actions = [new() { Id = "X", Sla = "cash_posted", Cause = "c", Action = "a", Owner = "o", Raised = "2026Q3", Due = "2026-12-31", Status = "done" }] };
        Assert.Equal("SLA action X: a done action needs Closed, the date yyyy-MM-dd",
            Assert.Throws<ArgumentException>(() => SlaRunner.Run(w, SqlFolder.Default(), SlaCatalog.Defaults, bad)).Message);
        bad.Actions[0].Sla = "cash_post";
        Assert.StartsWith("SLA action X: Sla must be one of invoice_sent, cash_posted",
            Assert.Throws<ArgumentException>(() => SlaRunner.Run(w, SqlFolder.Default(), SlaCatalog.Defaults, bad)).Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
