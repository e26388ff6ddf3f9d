using MimeKit;

namespace O2C.Analytics.Mail;

/// <summary>A failed scheduled job, mailed to the operations address when one is configured.</summary>
public static class OperationsAlert
{
    public static DeliveryResult? Send(MailSettings settings, string outboxFolder, string job, string error)
    {
        if (settings.OperationsRecipients.Length == 0) return null;
        var message = MailDelivery.NewMessage(settings, settings.OperationsRecipients, $"O2C job {job} failed");
        message.Body = new TextPart("plain")
        {
            Text = $"The scheduled job {job} failed at {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC and will not be retried:\n\n{error}\n\nRun history: o2c runs\n",
        };
        return MailDelivery.Deliver(message, settings, outboxFolder, $"o2c-job-{job}-failed");
    }
}
