using O2C.Analytics.Reports.QuarterlyReview;
using O2C.Analytics.Reports.MonthlyPack;
using MimeKit;
using O2C.Analytics.Mail;
using O2C.Analytics.Pipeline;
using O2C.Analytics.Tests.Support;

namespace O2C.Analytics.Tests.Mail;

/// <summary>The pack's email, sent to a real SMTP server on loopback, and written to the outbox without one.</summary>
[Collection(SamplePackCollection.Name)]
public sealed class KpiPackMailTests(SamplePackFixture run)
{
    private static readonly string[] Recipients = ["cfo@example.com", "controller@example.com"];

    [SmtpServerFact]
    public void The_pack_arrives_at_a_real_smtp_server_with_the_headline_first_inline_charts_and_the_workbook_attached()
    {
        using var server = new SmtpTestServer();
        using var warehouse = run.OpenWritable();
        var settings = new MailSettings
        {
            SmtpHost = "127.0.0.1", SmtpPort = server.Port, StartTls = "none",
            From = "o2c@example.com", PackRecipients = Recipients,
        };
        var result = PackPublisher.Send(warehouse, run.Pack, run.Result.WorkbookPath, settings, run.Options.Paths, dataWorkbookPath: run.Result.DataWorkbookPath);
        Assert.True(result.Sent);
        Assert.Equal($"127.0.0.1:{server.Port}", result.Where);
        Assert.False(Directory.Exists(run.Options.Paths.Outbox));

        var raw = Assert.Single(server.Messages());
        using var stream = new MemoryStream(raw);
        var message = MimeMessage.Load(stream);
        Assert.Equal(KpiPackMail.Subject(run.Pack), message.Subject);
        // The subject carries the headline figures: cash and its change, DSO and its change, overdue and its share, from kpi_values.
        var cash = run.Pack.Value("cash_collected", new DateOnly(2026, 10, 31))!.Value!.Value;
        var dso = run.Pack.Value("dso", new DateOnly(2026, 10, 31))!.Value!.Value;
        var overdue = run.Pack.Value("past_due_pct", new DateOnly(2026, 10, 31))!;
        Assert.StartsWith($"O2C KPI pack October 2026: cash {(cash / 1_000_000m).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} M (", message.Subject);
        Assert.Contains($", DSO {dso.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} days (", message.Subject);
        Assert.EndsWith($", overdue {(overdue.Numerator!.Value / 1_000_000m).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} M = {overdue.Value!.Value.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} % of AR", message.Subject);
        Assert.Equal(Recipients, message.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("o2c@example.com", message.From.Mailboxes.Single().Address);
        // The server saw the same envelope (aiosmtpd's Mailbox records it).
        Assert.Equal(string.Join(", ", Recipients), message.Headers["X-RcptTo"]);

        // The first line is the headline sentence, then the tiles and what needs attention with owners.
        var headline = O2C.Analytics.Reports.Summary.PackHeadline.Of(run.Pack);
        var text = message.TextBody!;
        Assert.Equal(headline, text.Split('\n')[0].TrimEnd('\r'));
        Assert.Contains("  Cash collected: ", text);
        Assert.Contains("Needs attention", text);
        Assert.Contains("Owner: BPO ", text);
        Assert.Contains("o2c-kpi-data-2026-10.xlsx", text); // named, not attached
        var html = message.HtmlBody!;
        Assert.StartsWith($"<p style=\"font-size:15px;margin:0 0 12px 0\">{System.Net.WebUtility.HtmlEncode(headline)}</p>", html[(html.IndexOf("<p", StringComparison.Ordinal))..]);
        Assert.Contains("#00703C", html); // a good-news change in green
        Assert.Contains("#C00000", html); // a bad-news change in red
        var images = message.BodyParts.OfType<MimePart>().Where(p => p.ContentType.MimeType == "image/png").ToList();
        Assert.Equal(2, images.Count);
        foreach (var image in images)
        {
            Assert.Contains($"cid:{image.ContentId}", html);
            using var bytes = new MemoryStream();
            image.Content!.DecodeTo(bytes);
            using var bitmap = SkiaSharp.SKBitmap.Decode(bytes.ToArray());
            Assert.Equal((620, 300), (bitmap.Width, bitmap.Height));
        }
        var attachment = Assert.Single(message.Attachments.OfType<MimePart>());
        Assert.Equal("o2c-kpi-pack-2026-10.xlsx", attachment.FileName);
        using var content = new MemoryStream();
        attachment.Content!.DecodeTo(content);
        Assert.Equal(File.ReadAllBytes(run.Result.WorkbookPath), content.ToArray());
        // The bodies are alternatives of one another; the workbook is beside them.
        Assert.Equal("multipart/mixed", message.Body!.ContentType.MimeType);
        Assert.Contains(message.BodyParts, p => p.ContentType.MimeType == "text/plain");

        // What left the company is in the audit log, with its recipients.
        var sent = new O2C.Analytics.Audit.AuditLog(warehouse).LatestOf(O2C.Analytics.Audit.AuditLog.PackSent)!;
        Assert.Equal($"KPI pack o2c-kpi-pack-2026-10.xlsx mailed to cfo@example.com, controller@example.com via 127.0.0.1:{server.Port}", sent.Detail);
    }

    /// <summary>Scoped packs go to their own recipients, each with its own headline, beside the company pack.</summary>
    [SmtpServerFact]
    public void Each_scoped_recipient_gets_the_pack_of_their_member_only()
    {
        using var server = new SmtpTestServer();
        using var warehouse = run.OpenWritable();
        var mail = new MailSettings
        {
            SmtpHost = "127.0.0.1", SmtpPort = server.Port, StartTls = "none", PackRecipients = ["board@example.com"],
            ScopedPacks = [new PackSubscription { Scope = "bpo_team=BPO Krakow", Recipients = ["krakow-lead@example.com"] }],
        };
        var paths = new OutputPaths(Path.Combine(run.Folder, "reports-scoped"), run.Options.WarehousePath);
        var steps = new PipelineSteps(O2C.Analytics.Storage.SqlFolder.Default(), paths, "USD", new O2C.Analytics.Spc.SpcOptions(), mail, []);
        var published = new PublishedPack(run.Pack, run.Result.WorkbookPath, [], run.Result.DataWorkbookPath!);
        var sent = steps.SendPack(warehouse, published);
        Assert.Equal(["company", "bpo_team=BPO Krakow"], sent.Select(s => s.Scope.ToString()));
        Assert.All(sent, s => Assert.True(s.Result.Sent));

        var messages = server.Messages().Select(raw => MimeMessage.Load(new MemoryStream(raw))).ToList();
        var team = messages.Single(m => m.To.Mailboxes.Single().Address == "krakow-lead@example.com");
        Assert.StartsWith("O2C KPI pack October 2026, team BPO Krakow: cash ", team.Subject);
        var attachment = Assert.Single(team.Attachments.OfType<MimePart>());
        Assert.Equal("o2c-kpi-pack-2026-10--bpo_team-BPO-Krakow.xlsx", attachment.FileName);
        var teamText = team.TextBody!;
        Assert.StartsWith("October 2026: cash collected ", teamText);
        Assert.DoesNotContain("BPO Manila", teamText);
        Assert.NotEqual(messages.Single(m => m.To.Mailboxes.Single().Address == "board@example.com").TextBody!.Split('\n')[0], teamText.Split('\n')[0]);
    }

    /// <summary>A re-run or a misfired job does not mail the month's pack to the same reader twice; --resend does.</summary>
    [SmtpServerFact]
    public void The_same_months_pack_is_not_sent_to_the_same_recipient_twice_unless_resent()
    {
        using var server = new SmtpTestServer();
        using var warehouse = run.OpenWritable();
        var settings = new MailSettings { SmtpHost = "127.0.0.1", SmtpPort = server.Port, StartTls = "none", PackRecipients = ["treasurer@example.com"] };
        Assert.True(PackPublisher.Send(warehouse, run.Pack, run.Result.WorkbookPath, settings, run.Options.Paths).Sent);
        var again = PackPublisher.Send(warehouse, run.Pack, run.Result.WorkbookPath, settings, run.Options.Paths);
        Assert.False(again.Sent);
        Assert.True(again.AlreadySent);
        Assert.StartsWith("not sent: the October 2026 pack (company-wide) already went to treasurer@example.com on ", again.Where);
        Assert.Single(server.Messages());
        // A new recipient beside the old one gets it; the old one does not get it twice.
        settings.PackRecipients = ["treasurer@example.com", "auditor@example.com"];
        Assert.True(PackPublisher.Send(warehouse, run.Pack, run.Result.WorkbookPath, settings, run.Options.Paths).Sent);
        Assert.Equal("auditor@example.com", MimeMessage.Load(new MemoryStream(server.Messages()[1])).To.Mailboxes.Single().Address);
        Assert.True(PackPublisher.Send(warehouse, run.Pack, run.Result.WorkbookPath, settings, run.Options.Paths, resend: true).Sent);
        Assert.Equal(3, server.Messages().Count);
        Assert.Equal(2L, warehouse.Scalar<long>("SELECT count(*) FROM pack_deliveries WHERE month_end = DATE '2026-10-31' AND recipient IN ('treasurer@example.com', 'auditor@example.com')"));
    }

    [SmtpServerFact]
    public void A_configured_user_without_the_password_variable_fails_clearly_and_sends_nothing()
    {
        using var server = new SmtpTestServer();
        using var warehouse = run.OpenWritable();
        Assert.Null(Environment.GetEnvironmentVariable(MailSettings.PasswordVariable));
        var settings = new MailSettings { SmtpHost = "127.0.0.1", SmtpPort = server.Port, StartTls = "none", SmtpUser = "ops", PackRecipients = Recipients };
        var error = Assert.Throws<InvalidOperationException>(() => PackPublisher.Send(warehouse, run.Pack, run.Result.WorkbookPath, settings, run.Options.Paths));
        Assert.Equal("SMTP user ops is configured but O2C_SMTP_PASSWORD is not set", error.Message);
        Assert.Empty(server.Messages());
    }

    [Fact]
    public void Without_an_smtp_host_the_message_is_written_to_the_outbox_as_eml()
    {
        var paths = new OutputPaths(Path.Combine(run.Folder, "reports-eml"), run.Options.WarehousePath);
        using var warehouse = run.OpenWritable();
        var result = PackPublisher.Send(warehouse, run.Pack, run.Result.WorkbookPath, new MailSettings { PackRecipients = Recipients }, paths);
        Assert.False(result.Sent);
        Assert.Equal(paths.Outbox, Path.GetDirectoryName(result.Where));
        Assert.StartsWith("o2c-kpi-pack-2026-10-", Path.GetFileName(result.Where));
        var message = MimeMessage.Load(result.Where);
        Assert.Equal(KpiPackMail.Subject(run.Pack), message.Subject);
        var attachment = Assert.Single(message.Attachments.OfType<MimePart>());
        using var content = new MemoryStream();
        attachment.Content!.DecodeTo(content);
        Assert.Equal(File.ReadAllBytes(run.Result.WorkbookPath), content.ToArray());
    }

    [SmtpServerFact]
    public void The_sla_review_is_mailed_to_its_own_recipients_with_the_trend_chart_and_workbook()
    {
        using var server = new SmtpTestServer();
        using var warehouse = run.OpenWritable();
        var settings = new MailSettings { SmtpHost = "127.0.0.1", SmtpPort = server.Port, StartTls = "none", SlaRecipients = ["bpo-governance@example.com"] };
        var review = run.Result.SlaReview!;
        Assert.True(SlaReviewPublisher.Send(warehouse, review, run.Result.SlaReviewPath!, settings, run.Options.Paths).Sent);
        using var stream = new MemoryStream(Assert.Single(server.Messages()));
        var message = MimeMessage.Load(stream);
        Assert.Equal(SlaReviewMail.Subject(review), message.Subject);
        Assert.StartsWith("O2C SLA review 2026Q3: ", message.Subject);
        Assert.Equal("bpo-governance@example.com", message.To.Mailboxes.Single().Address);
        Assert.Contains("Cash posted within 1 business day of value date", message.TextBody);
        var image = message.BodyParts.OfType<MimePart>().Single(p => p.ContentType.MimeType == "image/png");
        Assert.Contains($"cid:{image.ContentId}", message.HtmlBody);
        var attachment = Assert.Single(message.Attachments.OfType<MimePart>());
        using var content = new MemoryStream();
        attachment.Content!.DecodeTo(content);
        Assert.Equal(File.ReadAllBytes(run.Result.SlaReviewPath!), content.ToArray());
    }

    [Theory]
    [InlineData("auto", MailKit.Security.SecureSocketOptions.StartTlsWhenAvailable)]
    [InlineData("always", MailKit.Security.SecureSocketOptions.StartTls)]
    [InlineData("TLS", MailKit.Security.SecureSocketOptions.SslOnConnect)]
    [InlineData("none", MailKit.Security.SecureSocketOptions.None)]
    public void Starttls_setting_maps_to_mailkit_options(string setting, MailKit.Security.SecureSocketOptions expected) =>
        Assert.Equal(expected, MailDelivery.Security(setting));
}
