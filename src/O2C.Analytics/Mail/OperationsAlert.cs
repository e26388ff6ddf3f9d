using MimeKit;

namespace O2C.Analytics.Mail;

/// <summary>
/// A failed scheduled job, mailed to the operations address when one is configured. The alert is about a failure
/// that may be the mail server itself: when it cannot be sent it is kept in the outbox's alerts-pending folder, and
/// every later alert (and the scheduler's start) sends what is pending first, moving each to alerts-sent once sent.
/// </summary>
public static class OperationsAlert
{
    public const string PendingFolder = "alerts-pending";
    public const string SentFolder = "alerts-sent";

    public static DeliveryResult? Send(MailSettings settings, string outboxFolder, string job, string error)
    {
        if (settings.OperationsRecipients.Length == 0) return null;
        var message = MailDelivery.NewMessage(settings, settings.OperationsRecipients, $"O2C job {job} failed");
        message.Body = new TextPart("plain")
        {
            Text = $"The scheduled job {job} failed at {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC and will not be retried:\n\n{error}\n\nRun history: o2c runs\n",
        };
        if (!settings.HasSmtp) return MailDelivery.Deliver(message, settings, outboxFolder, $"o2c-job-{job}-failed");
        var pending = Path.Combine(outboxFolder, PendingFolder);
        // Written first, removed once sent: a crash in between leaves the alert pending, never lost.
        var path = MailDelivery.Deliver(message, new MailSettings(), pending, $"o2c-job-{job}-failed").Where;
        RetryPending(settings, outboxFolder);
        return File.Exists(path)
            ? new DeliveryResult(false, $"{path} (mail server unreachable: kept to send with the next alert or at the next start)")
            : new DeliveryResult(true, $"{settings.SmtpHost}:{settings.SmtpPort}");
    }

    /// <summary>Sends every pending alert, oldest first; stops at the first that cannot go (the server is still down). Returns how many went.</summary>
    public static int RetryPending(MailSettings settings, string outboxFolder)
    {
        var pending = Path.Combine(outboxFolder, PendingFolder);
        if (!settings.HasSmtp || !Directory.Exists(pending)) return 0;
        var sent = 0;
        foreach (var file in Directory.EnumerateFiles(pending, "*.eml").Order(StringComparer.Ordinal))
        {
            var message = MimeMessage.Load(file);
            try
            {
                MailDelivery.Deliver(message, settings, outboxFolder, Path.GetFileNameWithoutExtension(file));
            }
            catch (MailNotSentException)
            {
                break;
            }
            var done = Directory.CreateDirectory(Path.Combine(outboxFolder, SentFolder)).FullName;
            File.Move(file, Path.Combine(done, Path.GetFileName(file)), overwrite: true);
            sent++;
        }
        return sent;
    }
}
