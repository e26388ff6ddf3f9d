using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace O2C.Analytics.Mail;

/// <summary>How a message left: sent to an SMTP server, or written to the outbox because no server is configured.</summary>
public sealed record DeliveryResult(bool Sent, string Where)
{
    /// <summary>Nothing sent because every recipient already had it (pack_deliveries); Where says when.</summary>
    public bool AlreadySent { get; init; }
}

/// <summary>Sends a message over SMTP with MailKit, or without SMTP configuration writes it as an .eml file to the outbox.</summary>
public static class MailDelivery
{
    /// <summary>A message from the configured sender to the given recipients.</summary>
    public static MimeMessage NewMessage(MailSettings settings, IEnumerable<string> recipients, string subject)
    {
        var message = new MimeMessage { Subject = subject };
        message.From.Add(MailboxAddress.Parse(settings.From));
        foreach (var to in recipients) message.To.Add(MailboxAddress.Parse(to));
        return message;
    }

    /// <summary>Attaches a report workbook as it is on disk.</summary>
    public static void AttachWorkbook(BodyBuilder body, string workbookPath) =>
        body.Attachments.Add(Path.GetFileName(workbookPath), File.ReadAllBytes(workbookPath),
            new ContentType("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

    /// <summary>What the SMTP conversation throws when the server cannot be reached or refuses: a MailNotSentException.</summary>
    private static bool IsTransportFailure(Exception e) =>
        e is System.Net.Sockets.SocketException or MailKit.ServiceNotConnectedException or MailKit.Net.Smtp.SmtpCommandException
            or MailKit.Net.Smtp.SmtpProtocolException or MailKit.Security.AuthenticationException or MailKit.Security.SslHandshakeException
            or IOException or TimeoutException;

    public static DeliveryResult Deliver(MimeMessage message, MailSettings settings, string outboxFolder, string fileStem)
    {
        if (!settings.HasSmtp)
        {
            Directory.CreateDirectory(outboxFolder);
            // Two messages in the same second (one pack to two recipients) must both stay: the file is created new,
            // with -2, -3, ... when the name is taken, never overwritten.
            var stem = $"{Safe(fileStem)}-{DateTime.UtcNow:yyyyMMdd-HHmmss}";
            for (var n = 1; ; n++)
            {
                var path = Path.GetFullPath(Path.Combine(outboxFolder, n == 1 ? $"{stem}.eml" : $"{stem}-{n}.eml"));
                FileStream file;
                try
                {
                    file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                }
                catch (IOException) when (File.Exists(path))
                {
                    continue;
                }
                using (file) message.WriteTo(file);
                return new DeliveryResult(false, path);
            }
        }
        if (message.To.Count == 0) throw new InvalidOperationException("no recipients configured for this message (Mail:PackRecipients / Mail:SlaRecipients)");
        try
        {
            return SendOverSmtp(message, settings);
        }
        catch (Exception e) when (IsTransportFailure(e))
        {
            throw new MailNotSentException($"{e.Message} (server {settings.SmtpHost}:{settings.SmtpPort})", e);
        }
    }

    private static DeliveryResult SendOverSmtp(MimeMessage message, MailSettings settings)
    {
        using var client = new SmtpClient { Timeout = 60_000 };
        try
        {
            client.Connect(settings.SmtpHost!, settings.SmtpPort, Security(settings.StartTls));
        }
        catch (NotSupportedException e) when (e.Message.Contains("STARTTLS", StringComparison.OrdinalIgnoreCase))
        {
            // TLS unless the configuration explicitly allows plain text (Mail:StartTls none or auto).
            throw new InvalidOperationException(
                $"SMTP server {settings.SmtpHost}:{settings.SmtpPort} does not offer STARTTLS; nothing was sent (set Mail:StartTls to none only where plain text is acceptable)", e);
        }
        if (!string.IsNullOrEmpty(settings.SmtpUser))
        {
            // A password crosses the wire in plain text only when the configuration says so in as many words.
            if (!client.IsSecure && !settings.StartTls.Equals("none", StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException(
                    $"SMTP server {settings.SmtpHost}:{settings.SmtpPort} offered no TLS; the password is not sent in plain text (Mail:StartTls is {settings.StartTls}); nothing was sent");
            var password = settings.RequiredPassword()!;
            client.Authenticate(settings.SmtpUser, password);
        }
        client.Send(message);
        client.Disconnect(quit: true);
        return new DeliveryResult(true, $"{settings.SmtpHost}:{settings.SmtpPort}");
    }

    public static SecureSocketOptions Security(string mode) => mode.ToLowerInvariant() switch
    {
        "auto" => SecureSocketOptions.StartTlsWhenAvailable,
        "always" => SecureSocketOptions.StartTls,
        "tls" => SecureSocketOptions.SslOnConnect,
        "none" => SecureSocketOptions.None,
        _ => throw new ArgumentException($"Mail:StartTls must be auto, always, tls or none, not '{mode}'"),
    };

    private static string Safe(string text) =>
        new string(text.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray()).Trim('-');
}
