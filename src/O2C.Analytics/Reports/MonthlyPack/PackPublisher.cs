using O2C.Analytics.Pipeline;
using O2C.Analytics.Storage;
using O2C.Analytics.Audit;
using O2C.Analytics.Mail;
using O2C.Analytics.Reports.MonthlyPack;

namespace O2C.Analytics.Reports.MonthlyPack;

/// <summary>
/// Mails a written KPI pack: over SMTP when configured, otherwise as an .eml file in the outbox; either way the
/// audit log records what left, for whom.
/// </summary>
public static class PackPublisher
{
    /// <param name="recipients">Who gets it (default: the pack recipients).</param>
    /// <param name="dataWorkbookPath">The analyst workbook, named in the mail and attached when configured.</param>
    /// <param name="resend">Send to recipients who already got this month's pack for this scope (pack_deliveries).</param>
    public static DeliveryResult Send(Warehouse warehouse, KpiPack pack, string workbookPath, MailSettings settings, OutputPaths paths,
        IReadOnlyList<string>? recipients = null, string? dataWorkbookPath = null, bool resend = false)
    {
        recipients ??= settings.PackRecipients;
        var scope = pack.Scope.ToString();
        if (settings.HasSmtp && !resend)
        {
            var already = warehouse.Query("SELECT recipient, sent_at FROM pack_deliveries WHERE month_end = $m AND scope = $s",
                r => (r.GetString(0), r.GetDateTime(1)), ("m", pack.MonthEnd), ("s", scope)).ToDictionary(x => x.Item1, x => x.Item2);
            var skipped = recipients.Where(r => already.ContainsKey(r.Trim().ToLowerInvariant())).ToList();
            recipients = recipients.Except(skipped).ToList();
            // A configuration mistake says so even when nothing is left to send.
            if (recipients.Count == 0) settings.RequiredPassword();
            if (recipients.Count == 0)
                return new DeliveryResult(false, $"not sent: the {pack.MonthEnd:MMMM yyyy} pack ({pack.Scope.Label}) already went to {string.Join(", ", skipped)} " +
                    $"on {already.Values.Max():yyyy-MM-dd HH:mm} UTC; --resend sends it again") { AlreadySent = true };
        }
        if (settings.Pseudonymise)
        {
            // What leaves the company is a pseudonymised copy; the internal workbook keeps the names.
            pack = PackPseudonyms.Apply(Privacy.Pseudonymiser.ForWarehouse(warehouse), pack);
            workbookPath = KpiPackWorkbook.Write(pack, Path.Combine(paths.Outgoing, Path.GetFileName(workbookPath)));
        }
        var message = KpiPackMail.Build(pack, workbookPath, settings, recipients, settings.Pseudonymise ? null : dataWorkbookPath);
        var result = MailDelivery.Deliver(message, settings, paths.Outbox, Path.GetFileNameWithoutExtension(workbookPath));
        if (result.Sent)
        {
            using var transaction = warehouse.BeginTransaction();
            foreach (var recipient in recipients)
                warehouse.Execute("INSERT OR REPLACE INTO pack_deliveries VALUES ($m, $s, $r, $t, $via, $w)", ("m", pack.MonthEnd), ("s", scope),
                    ("r", recipient.Trim().ToLowerInvariant()), ("t", DateTime.UtcNow), ("via", result.Where), ("w", Path.GetFileName(workbookPath)));
            transaction.Commit();
        }
        RecordSent(warehouse, AuditLog.PackSent, $"KPI pack {Path.GetFileName(workbookPath)}", result, recipients, workbookPath, settings.Pseudonymise);
        return result;
    }

    internal static void RecordSent(Warehouse warehouse, string action, string what, DeliveryResult result, IReadOnlyList<string> recipients,
        string workbookPath, bool pseudonymised) =>
        new AuditLog(warehouse).Record(action,
            result.Sent
                ? $"{what} mailed to {string.Join(", ", recipients)} via {result.Where}"
                : $"{what} written to the outbox as {result.Where} (no SMTP host) for {string.Join(", ", recipients)}",
            new { workbook = Path.GetFullPath(workbookPath), sent = result.Sent, where = result.Where, recipients, pseudonymised });
}
