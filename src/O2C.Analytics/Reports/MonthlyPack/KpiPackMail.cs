using O2C.Analytics.Mail;
using System.Net;
using System.Text;
using MimeKit;
using O2C.Analytics.Metrics;
using O2C.Analytics.Reports.MonthlyPack;

namespace O2C.Analytics.Reports.MonthlyPack;

/// <summary>
/// The monthly pack's email: an HTML body with the headline scorecard (actual, target, RAG colour, change on the
/// prior month), the month's signals and two key control charts inline (CID images), a plain-text alternative, and
/// the workbook attached.
/// </summary>
public static class KpiPackMail
{
    /// <summary>The KPIs whose control charts go in the mail body.</summary>
    public static readonly string[] KeyCharts = ["dso", "cei"];

    public static string Subject(KpiPack pack)
    {
        var rags = pack.Scorecard().GroupBy(r => r.Rag).ToDictionary(g => g.Key, g => g.Count());
        return $"O2C KPI pack {pack.MonthEnd:MMMM yyyy}: {rags.GetValueOrDefault(Rag.Red)} red, {rags.GetValueOrDefault(Rag.Amber)} amber, {rags.GetValueOrDefault(Rag.Green)} green, {pack.Signals?.Count ?? 0} KPIs with signals";
    }

    public static MimeMessage Build(KpiPack pack, string workbookPath, MailSettings settings)
    {
        var message = MailDelivery.NewMessage(settings, settings.PackRecipients, Subject(pack));
        message.Date = new DateTimeOffset(pack.GeneratedAtUtc, TimeSpan.Zero);

        var body = new BodyBuilder();
        var images = new List<(string Cid, string Title)>();
        foreach (var id in KeyCharts)
        {
            if (pack.Chart(id) is not { } chart) continue;
            var resource = body.LinkedResources.Add($"{id}.png", ControlChartRenderer.PngBytes(chart, 720, 340), new ContentType("image", "png"));
            resource.ContentId = MimeKit.Utils.MimeUtils.GenerateMessageId();
            images.Add((resource.ContentId, chart.Kpi.Name));
        }
        body.HtmlBody = Html(pack, images);
        body.TextBody = Text(pack);
        MailDelivery.AttachWorkbook(body, workbookPath);
        message.Body = body.ToMessageBody();
        return message;
    }

    private static string Format(decimal? value, KpiDefinition kpi, bool signed = false)
    {
        if (value is not { } v) return "n/a";
        var format = kpi.Unit switch { "amount" => "N0", "times" => "N2", _ => "N1" };
        var text = v.ToString(format, System.Globalization.CultureInfo.InvariantCulture);
        return signed && v > 0 ? "+" + text : text;
    }

    private static string Html(KpiPack pack, IReadOnlyList<(string Cid, string Title)> images)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var html = new StringBuilder();
        html.Append("<html><body style=\"font-family:Segoe UI,DejaVu Sans,Arial,sans-serif;font-size:13px;color:#222\">");
        html.Append($"<h2 style=\"margin:0 0 4px 0\">O2C KPI pack: {E(pack.MonthEnd.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture))}</h2>");
        html.Append($"<p style=\"margin:0 0 12px 0;color:#555\">Company-wide, amounts in {E(pack.ReportingCurrency)}. The workbook attached has the scorecard, aging, the top overdue customers, the cash forecast and the definitions; every KPI by month and dimension, aged debtors and signals are in the analyst workbook beside it (o2c-kpi-data-{Pipeline.ReportingMonth.Of(pack.MonthEnd)}.xlsx).</p>");
        html.Append("<table cellpadding=\"4\" cellspacing=\"0\" style=\"border-collapse:collapse;font-size:12px\">");
        html.Append("<tr style=\"background:#1F4E78;color:#fff\"><th align=\"left\">KPI</th><th align=\"right\">Actual</th><th align=\"right\">Target</th><th>RAG</th><th align=\"right\">vs prior month</th></tr>");
        foreach (var area in pack.Scorecard().GroupBy(l => l.Kpi.Area))
        {
            html.Append($"<tr style=\"background:#DDEBF7\"><td colspan=\"5\"><b>{E(area.Key)}</b></td></tr>");
            foreach (var line in area)
            {
                var colour = line.Rag switch { Rag.Green => "#C6EFCE", Rag.Amber => "#FFEB9C", Rag.Red => "#FFC7CE", _ => "#EDEDED" };
                html.Append($"<tr style=\"border-bottom:1px solid #ddd\"><td>{E(line.Kpi.Name)} ({E(line.Kpi.Unit)})</td><td align=\"right\">{Format(line.Actual, line.Kpi)}</td>");
                html.Append($"<td align=\"right\">{Format(line.Target?.Target, line.Kpi)}</td><td align=\"center\" style=\"background:{colour}\">{ScorecardSheet.Label(line.Rag)}</td>");
                html.Append($"<td align=\"right\">{Format(line.Change, line.Kpi, signed: true)}</td></tr>");
            }
        }
        html.Append("</table>");
        html.Append("<h3>Control-chart signals this month</h3>");
        if (pack.Signals is { Count: > 0 } signals)
        {
            html.Append("<ul>");
            foreach (var kpi in pack.Kpis.Where(k => signals.ContainsKey(k.Id)))
                html.Append($"<li>{E(kpi.Name)}: {E(signals[kpi.Id])}</li>");
            html.Append("</ul>");
        }
        else html.Append("<p>None.</p>");
        foreach (var (cid, title) in images)
            html.Append($"<p><b>{E(title)}</b><br><img src=\"cid:{cid}\" alt=\"{E(title)} control chart\" width=\"720\" height=\"340\"></p>");
        html.Append("</body></html>");
        return html.ToString();
    }

    private static string Text(KpiPack pack)
    {
        var text = new StringBuilder();
        text.AppendLine($"O2C KPI pack: {pack.MonthEnd:MMMM yyyy} (company-wide, amounts in {pack.ReportingCurrency}; workbook attached)");
        foreach (var area in pack.Scorecard().GroupBy(l => l.Kpi.Area))
        {
            text.AppendLine().AppendLine(area.Key);
            foreach (var line in area)
                text.AppendLine($"  {line.Kpi.Name,-45} {Format(line.Actual, line.Kpi),14}  target {Format(line.Target?.Target, line.Kpi),10}  {ScorecardSheet.Label(line.Rag),-5}  vs prior {Format(line.Change, line.Kpi, signed: true)}");
        }
        text.AppendLine().AppendLine("Control-chart signals this month");
        if (pack.Signals is { Count: > 0 } signals)
            foreach (var kpi in pack.Kpis.Where(k => signals.ContainsKey(k.Id)))
                text.AppendLine($"  {kpi.Name}: {signals[kpi.Id]}");
        else text.AppendLine("  none");
        return text.ToString();
    }
}
