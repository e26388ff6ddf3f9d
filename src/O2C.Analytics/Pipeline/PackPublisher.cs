using O2C.Analytics.Mail;
using O2C.Analytics.Render.Workbook;

namespace O2C.Analytics.Pipeline;

/// <summary>Mails a written KPI pack: over SMTP when configured, otherwise as an .eml file in the outbox.</summary>
public static class PackPublisher
{
    public static DeliveryResult Send(KpiPack pack, string workbookPath, MailSettings settings, string outboxFolder)
    {
        var message = KpiPackMail.Build(pack, workbookPath, settings);
        return MailDelivery.Deliver(message, settings, outboxFolder, Path.GetFileNameWithoutExtension(workbookPath));
    }
}
