using MimeKit;
using O2C.Analytics.Mail;
using O2C.Analytics.Tests.Support;

namespace O2C.Analytics.Tests.Mail;

/// <summary>A job-failure alert that cannot reach the mail server is kept and sent with the next one (issue 21).</summary>
public sealed class OperationsAlertTests
{
    [SmtpServerFact]
    public void An_alert_the_dead_server_refused_is_kept_and_sent_first_when_the_server_is_back()
    {
        var outbox = Directory.CreateTempSubdirectory("o2c-alerts-").FullName;
        try
        {
            var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            listener.Start();
            var deadPort = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            var settings = new MailSettings { SmtpHost = "127.0.0.1", SmtpPort = deadPort, StartTls = "none", OperationsRecipients = ["ops@example.com"] };

            var first = OperationsAlert.Send(settings, outbox, "monthly-pack", "mail server down")!;
            Assert.False(first.Sent);
            Assert.Contains("mail server unreachable", first.Where);
            var pending = Directory.GetFiles(Path.Combine(outbox, OperationsAlert.PendingFolder), "*.eml");
            Assert.Equal("O2C job monthly-pack failed", MimeMessage.Load(Assert.Single(pending)).Subject);

            using var server = new SmtpTestServer();
            settings.SmtpPort = server.Port;
            var second = OperationsAlert.Send(settings, outbox, "refresh", "disk full")!;
            Assert.True(second.Sent);
            // Both arrived; nothing is pending; both are kept as sent.
            Assert.Equal(["O2C job monthly-pack failed", "O2C job refresh failed"], server.Messages().Select(m => MimeMessage.Load(new MemoryStream(m)).Subject).Order());
            Assert.Equal(2, server.Messages().Count);
            Assert.Empty(Directory.GetFiles(Path.Combine(outbox, OperationsAlert.PendingFolder)));
            Assert.Equal(2, Directory.GetFiles(Path.Combine(outbox, OperationsAlert.SentFolder)).Length);
        }
        finally
        {
            Directory.Delete(outbox, recursive: true);
        }
    }
}
