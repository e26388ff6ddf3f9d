using O2C.Analytics.Audit;
using O2C.Analytics.Load;
using O2C.Analytics.Tests.Support;
using static O2C.Analytics.Tests.Support.CanonicalFiles;

namespace O2C.Analytics.Tests.Audit;

public sealed class AuditLogTests
{
    [Fact]
    public void Entries_chain_and_any_later_change_or_removal_breaks_the_chain_at_that_entry()
    {
        using var w = new TempWarehouse();
        var log = new AuditLog(w.Warehouse);
        var first = log.Record(AuditLog.Load, "load 1", new { load_id = 1 }, command: "o2c load a");
        var second = log.Record(AuditLog.PackSent, "pack mailed", command: "o2c pack --send");
        log.Record(AuditLog.Purge, "purge before 2024-01-01", command: "o2c purge --before 2024-01-01");

        Assert.Equal(new string('0', 64), first.PreviousHash);
        Assert.Equal(first.EntryHash, second.PreviousHash);
        Assert.Equal(64, second.EntryHash.Length);
        Assert.True(log.Verify().Intact);
        Assert.Equal(3, log.Verify().Entries);
        Assert.Equal(["purge", "pack_sent", "load"], log.Latest(10).Select(e => e.Action));
        Assert.Equal("o2c pack --send", log.Latest(10)[1].Command);
        Assert.Equal("{\"load_id\":1}", log.LatestOf(AuditLog.Load)!.Data);

        // Someone edits the warehouse behind the program's back.
        w.Warehouse.Execute("UPDATE audit_log SET detail = 'pack not mailed' WHERE entry_id = 2");
        var edited = log.Verify();
        Assert.Equal(2, edited.FirstBrokenEntry);
        Assert.Equal("BROKEN at entry 2: its content was changed after it was recorded", edited.Summary);

        w.Warehouse.Execute("UPDATE audit_log SET detail = 'pack mailed' WHERE entry_id = 2");
        Assert.True(log.Verify().Intact);
        w.Warehouse.Execute("DELETE FROM audit_log WHERE entry_id = 2");
        Assert.Equal("BROKEN at entry 2: entry 2 is missing", log.Verify().Summary);
    }

    [Fact]
    public void A_load_is_recorded_in_its_own_transaction_with_its_counts_and_a_failed_load_records_nothing()
    {
        using var w = new TempWarehouse();
        w.Write("customers.csv", Customers, Customer("C1"), Customer("C2"));
        w.Write("documents.csv", Documents, Invoice("INV-1", "C1", "2026-01-05", "2026-02-04", "100.00"), Invoice("INV-2", "C9", "2026-01-05", "2026-02-04", "50.00"));
        new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources);

        var entry = Assert.Single(new AuditLog(w.Warehouse).Latest(10));
        Assert.Equal("load", entry.Action);
        // 2 customers + 1 invoice loaded; INV-2 names an unknown customer.
        Assert.Equal($"load 1 from {w.Sources}: 2 file(s), 2 changed, 3 rows loaded, 1 rejected", entry.Detail);
        Assert.Contains("\"file\":\"documents.csv\"", entry.Data);

        // A bad file: the load rolls back and so does its audit entry (the log never claims what did not happen).
        w.Write("receipts.csv", "receipt_id;customer_id");
        Assert.Throws<LoadFailedException>(() => new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources));
        Assert.Single(new AuditLog(w.Warehouse).Latest(10));
    }

    [Fact]
    public void Configuration_is_recorded_when_first_seen_and_again_only_when_a_setting_changes_naming_it()
    {
        using var w = new TempWarehouse();
        const string v1 = """{"ReportingCurrency":"USD","Mail":{"SmtpHost":null,"PackRecipients":["cfo@example.com"]}}""";
        const string v2 = """{"ReportingCurrency":"USD","Mail":{"SmtpHost":"smtp.example.com","PackRecipients":["cfo@example.com","cc@example.com"]}}""";

        Assert.Equal("configuration first recorded", ConfigurationAudit.RecordIfChanged(w.Warehouse, v1)!.Detail);
        Assert.Null(ConfigurationAudit.RecordIfChanged(w.Warehouse, v1));
        Assert.Equal("configuration changed: Mail.PackRecipients[1], Mail.SmtpHost", ConfigurationAudit.RecordIfChanged(w.Warehouse, v2)!.Detail);
        Assert.Null(ConfigurationAudit.RecordIfChanged(w.Warehouse, v2));
        Assert.Equal(v2, new AuditLog(w.Warehouse).LatestOf(AuditLog.Configuration)!.Data);
        Assert.True(new AuditLog(w.Warehouse).Verify().Intact);
    }

    [Fact]
    public void A_scheduled_job_names_itself_as_the_command_only_within_its_own_flow()
    {
        using var w = new TempWarehouse();
        var log = new AuditLog(w.Warehouse);
        var outside = AuditLog.Command;
        using (AuditLog.RunAs("o2c schedule: job pack (schedule)"))
            Assert.Equal("o2c schedule: job pack (schedule)", log.Record(AuditLog.PackSent, "x").Command);
        Assert.Equal(outside, log.Record(AuditLog.PackSent, "y").Command);
    }
}
