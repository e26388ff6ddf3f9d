using O2C.Analytics.Reports.QuarterlyReview;
using O2C.Analytics.Reports.MonthlyPack;
using System.Text;
using O2C.Analytics.Mail;
using O2C.Analytics.Pipeline;
using O2C.Analytics.Tests.Cli;
using O2C.Analytics.Tests.Support;

namespace O2C.Analytics.Tests.Mail;

/// <summary>The SMTP password: from the environment only, used, and found nowhere afterwards. TLS unless plain text is configured.</summary>
[Collection(SamplePackCollection.Name)]
public sealed class SecretsAndTransportTests(SamplePackFixture run)
{
    [SmtpServerFact]
    public void The_password_authenticates_and_appears_in_no_output_log_warehouse_workbook_or_message()
    {
        var secret = "pw-" + Guid.NewGuid().ToString("N");
        using var server = new SmtpTestServer("ops", secret);
        var folder = Directory.CreateTempSubdirectory("o2c-secret-").FullName;
        try
        {
            File.Copy(run.Options.WarehousePath, Path.Combine(folder, "o2c.duckdb"));
            var environment = new Dictionary<string, string>
            {
                ["O2C_SMTP_PASSWORD"] = secret,
                ["O2C_Mail__SmtpHost"] = "127.0.0.1",
                ["O2C_Mail__SmtpPort"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["O2C_Mail__StartTls"] = "none", // explicitly plain text: a loopback server without a certificate
                ["O2C_Mail__SmtpUser"] = "ops",
                ["O2C_Mail__PackRecipients__0"] = "cfo@example.com",
                ["O2C_DEBUG"] = "1",
            };
            var (exit, output, error) = CliProcess.Run(folder, environment, "pack", "--month", "2026-10", "--send");
            Assert.True(exit == 0, output + error);
            Assert.Contains($"mailed to cfo@example.com via 127.0.0.1:{server.Port}", output);
            Assert.Equal(["accepted PLAIN"], server.Logins());
            Assert.Single(server.Messages());

            // Nowhere: console, every file the command left (warehouse, its WAL, workbook parts, charts), the message.
            Assert.DoesNotContain(secret, output + error);
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
                Assert.False(Contains(file, secret), $"{file} contains the password");
            Assert.DoesNotContain(secret, Encoding.UTF8.GetString(server.Messages()[0]));
            // Every value of every table, as text (the file's bytes may be compressed).
            using var w = O2C.Analytics.Storage.Warehouse.Open(Path.Combine(folder, "o2c.duckdb"), readOnly: true);
            var tables = w.Query("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'", r => r.GetString(0));
            Assert.Contains("audit_log", tables);
            foreach (var table in tables)
                Assert.Equal(0, w.Scalar<long>($"SELECT count(*) FROM \"{table}\" t WHERE contains(CAST(t AS VARCHAR), $s)", ("s", secret)));
            // The configuration the command ran under was recorded, without the password.
            Assert.Contains("\"SmtpUser\":\"ops\"", w.Scalar<string>("SELECT data FROM audit_log WHERE action = 'configuration' ORDER BY entry_id DESC LIMIT 1"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [SmtpServerFact]
    public void By_default_a_server_without_starttls_gets_nothing_and_a_password_never_goes_in_plain_text_unless_configured()
    {
        using var plain = new SmtpTestServer();
        using var w = run.OpenWritable();
        var outbox = new OutputPaths(Path.Combine(run.Folder, "reports-tls"), run.Options.WarehousePath);
        var byDefault = new MailSettings { SmtpHost = "127.0.0.1", SmtpPort = plain.Port, PackRecipients = ["cfo@example.com"] };
        Assert.Equal("always", byDefault.StartTls);
        var error = Assert.Throws<InvalidOperationException>(() => PackPublisher.Send(w, run.Pack, run.Result.WorkbookPath, byDefault, outbox));
        Assert.Equal($"SMTP server 127.0.0.1:{plain.Port} does not offer STARTTLS; nothing was sent (set Mail:StartTls to none only where plain text is acceptable)", error.Message);

        // 'auto' may fall back to plain text for the message, but not for a password.
        using var withAuth = new SmtpTestServer("ops", "secret");
        var auto = new MailSettings { SmtpHost = "127.0.0.1", SmtpPort = withAuth.Port, StartTls = "auto", SmtpUser = "ops", PackRecipients = ["cfo@example.com"] };
        var refused = Assert.Throws<InvalidOperationException>(() => PackPublisher.Send(w, run.Pack, run.Result.WorkbookPath, auto, outbox));
        Assert.StartsWith($"SMTP server 127.0.0.1:{withAuth.Port} offered no TLS; the password is not sent in plain text", refused.Message);
        Assert.Empty(withAuth.Logins());
        Assert.Empty(plain.Messages());
        Assert.Empty(withAuth.Messages());
    }

    private static bool Contains(string file, string secret)
    {
        if (file.EndsWith(".xlsx", StringComparison.Ordinal)) return WorkbookText.Of(file).Contains(secret, StringComparison.Ordinal);
        var bytes = File.ReadAllBytes(file);
        return bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) >= 0;
    }
}
