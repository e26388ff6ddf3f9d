using O2C.Analytics.Mail;

namespace O2C.Analytics.Pipeline;

/// <summary>Mails a written SLA review: over SMTP when configured, otherwise as an .eml file in the outbox.</summary>
public static class SlaReviewPublisher
{
    public static DeliveryResult Send(Sla.SlaReview review, string workbookPath, MailSettings settings, string outboxFolder) =>
        MailDelivery.Deliver(SlaReviewMail.Build(review, workbookPath, settings), settings, outboxFolder, Path.GetFileNameWithoutExtension(workbookPath));
}
