using O2C.Analytics.Pipeline;
using O2C.Analytics.Storage;
using O2C.Analytics.Reports.MonthlyPack;
using O2C.Analytics.Audit;
using O2C.Analytics.Mail;

namespace O2C.Analytics.Reports.QuarterlyReview;

/// <summary>Mails a written SLA review: over SMTP when configured, otherwise as an .eml file in the outbox; audited.</summary>
public static class SlaReviewPublisher
{
    public static DeliveryResult Send(Warehouse warehouse, Reports.QuarterlyReview.SlaReview review, string workbookPath, MailSettings settings, OutputPaths paths)
    {
        if (settings.Pseudonymise)
        {
            review = SlaReviewPseudonyms.Apply(Privacy.Pseudonymiser.ForWarehouse(warehouse), review);
            workbookPath = Reports.QuarterlyReview.SlaReviewWorkbook.Write(review, Path.Combine(paths.Outgoing, Path.GetFileName(workbookPath)));
        }
        var result = MailDelivery.Deliver(SlaReviewMail.Build(review, workbookPath, settings), settings, paths.Outbox, Path.GetFileNameWithoutExtension(workbookPath));
        PackPublisher.RecordSent(warehouse, AuditLog.SlaReviewSent, $"SLA review {Path.GetFileName(workbookPath)}", result, settings.SlaRecipients, workbookPath, settings.Pseudonymise);
        return result;
    }
}
