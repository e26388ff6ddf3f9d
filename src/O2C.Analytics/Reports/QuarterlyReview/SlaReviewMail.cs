using O2C.Analytics.Mail;
using System.Net;
using System.Text;
using MimeKit;
using O2C.Analytics.Reports.QuarterlyReview;

namespace O2C.Analytics.Reports.QuarterlyReview;

/// <summary>The quarterly SLA review's email: per-SLA compliance against target in HTML and text, the trend chart inline, the workbook attached.</summary>
public static class SlaReviewMail
{
    public static string Subject(Reports.QuarterlyReview.SlaReview review) =>
        $"O2C SLA review {review.Quarter}: {review.Lines.Count(l => !l.TargetMet)} of {review.Lines.Count} SLAs below target, {review.BreachesInQuarter:N0} breaches";

    public static MimeMessage Build(Reports.QuarterlyReview.SlaReview review, string workbookPath, MailSettings settings)
    {
        var message = MailDelivery.NewMessage(settings, settings.SlaRecipients, Subject(review));
        var body = new BodyBuilder();
        var chart = body.LinkedResources.Add("sla-trend.png", SlaTrendChart.Png(review, 800, 380), new ContentType("image", "png"));
        chart.ContentId = MimeKit.Utils.MimeUtils.GenerateMessageId();
        static string E(string s) => WebUtility.HtmlEncode(s);
        static string P(decimal? v) => v is { } x ? x.ToString("P1", System.Globalization.CultureInfo.InvariantCulture) : "n/a";
        var html = new StringBuilder("<html><body style=\"font-family:Segoe UI,DejaVu Sans,Arial,sans-serif;font-size:13px\">");
        html.Append($"<h2>O2C SLA breach review: {review.Quarter}</h2><table cellpadding=\"4\" cellspacing=\"0\" style=\"border-collapse:collapse;font-size:12px\">");
        html.Append("<tr style=\"background:#1F4E78;color:#fff\"><th align=\"left\">SLA</th><th>Owner</th><th align=\"right\">Items</th><th align=\"right\">Breaches</th><th align=\"right\">Compliance</th><th align=\"right\">Target</th><th align=\"right\">vs prior (pp)</th><th align=\"left\">Top cause</th></tr>");
        var text = new StringBuilder($"O2C SLA breach review: {review.Quarter} (workbook attached)\n\n");
        foreach (var l in review.Lines)
        {
            var colour = l.TargetMet ? "#C6EFCE" : "#FFC7CE";
            html.Append($"<tr style=\"border-bottom:1px solid #ddd\"><td>{E(l.Name)}</td><td>{E(l.Owner)}</td><td align=\"right\">{l.Volume:N0}</td><td align=\"right\">{l.Breaches:N0}</td>");
            html.Append($"<td align=\"right\" style=\"background:{colour}\">{P(l.Compliance)}</td><td align=\"right\">{P(l.Target)}</td><td align=\"right\">{l.ChangePoints:+0.0;-0.0;0.0}</td><td>{E(l.TopCause ?? "")}</td></tr>");
            text.AppendLine($"  {l.Name,-60} {P(l.Compliance),7} (target {P(l.Target)}), {l.Breaches:N0} breaches of {l.Volume:N0}, top cause: {l.TopCause}");
        }
        html.Append($"</table><p><img src=\"cid:{chart.ContentId}\" alt=\"SLA compliance trend\" width=\"800\" height=\"380\"></p></body></html>");
        body.HtmlBody = html.ToString();
        body.TextBody = text.ToString();
        MailDelivery.AttachWorkbook(body, workbookPath);
        message.Body = body.ToMessageBody();
        return message;
    }
}
