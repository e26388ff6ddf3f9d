using O2C.Analytics.Mail;
using System.Net;
using System.Text;
using MimeKit;
using O2C.Analytics.Reports.Summary;

namespace O2C.Analytics.Reports.MonthlyPack;

/// <summary>
/// The monthly pack's email, read in the time it takes to open it: the subject carries the headline figures, the
/// first line of the body is the headline sentence, then the headline tiles and what needs attention with its owner,
/// then two charts (cash collected, DSO) inline; the pack attached, the analyst workbook named where it lives (and
/// attached only when configured). A plain-text alternative says the same.
/// </summary>
public static class KpiPackMail
{
    /// <summary>"O2C KPI pack October 2026: cash 32.0 M (+13 %), DSO 41.1 days (−3.9), overdue 5.3 M = 12.8 % of AR".</summary>
    public static string Subject(KpiPack pack)
    {
        var figures = new List<string>();
        var tiles = HeadlineTiles.Of(pack);
        if (tiles.FirstOrDefault(t => t.Title == "Cash collected") is { Actual: { } cash } c)
            figures.Add($"cash {LeadershipFigures.Amount(cash)}" + (c.ChangePercent is { } p ? $" ({LeadershipFigures.Percent(p)})" : ""));
        if (tiles.FirstOrDefault(t => t.Title == "DSO") is { Actual: { } dso } d)
            figures.Add($"DSO {LeadershipFigures.Value(dso, "days")}" + (d.Change is { } change ? $" ({LeadershipFigures.Change(change, "days").Replace(" days", "", StringComparison.Ordinal)})" : ""));
        if (pack.Value("past_due_pct", pack.MonthEnd) is { Numerator: { } overdue, Value: { } share })
            figures.Add($"overdue {LeadershipFigures.Amount(overdue)} = {LeadershipFigures.Share(share)} of AR");
        var scope = pack.Scope.IsCompany ? "" : $", {pack.Scope.Label}";
        return $"O2C KPI pack {pack.MonthEnd:MMMM yyyy}{scope}: " + (figures.Count == 0 ? "no figures for the month" : string.Join(", ", figures));
    }

    /// <param name="dataWorkbookPath">The analyst workbook, attached when the settings say so.</param>
    public static MimeMessage Build(KpiPack pack, string workbookPath, MailSettings settings, IReadOnlyList<string>? recipients = null, string? dataWorkbookPath = null)
    {
        var message = MailDelivery.NewMessage(settings, recipients ?? settings.PackRecipients, Subject(pack));
        message.Date = new DateTimeOffset(pack.GeneratedAtUtc, TimeSpan.Zero);

        var body = new BodyBuilder();
        var images = new List<(string Cid, string Title)>();
        foreach (var (name, title, png) in new[]
        {
            ("cash.png", "Cash collected by month", CashAndDsoSheet.CashChart(pack, 620, 300)),
            ("dso.png", "DSO and best-possible DSO", CashAndDsoSheet.DsoChart(pack, 620, 300)),
        })
        {
            var resource = body.LinkedResources.Add(name, png, new ContentType("image", "png"));
            resource.ContentId = MimeKit.Utils.MimeUtils.GenerateMessageId();
            images.Add((resource.ContentId, title));
        }
        var dataWorkbook = DataWorkbookLine(pack, settings, dataWorkbookPath);
        body.HtmlBody = Html(pack, images, dataWorkbook);
        body.TextBody = Text(pack, dataWorkbook);
        MailDelivery.AttachWorkbook(body, workbookPath);
        if (settings.AttachDataWorkbook && dataWorkbookPath is not null && File.Exists(dataWorkbookPath))
            MailDelivery.AttachWorkbook(body, dataWorkbookPath);
        message.Body = body.ToMessageBody();
        // Text parts encoded for any mail path (quoted-printable), not raw 8-bit that a reader may misdecode.
        message.Prepare(EncodingConstraint.SevenBit);
        return message;
    }

    /// <summary>Where the detail is: the analyst workbook's name and the configured location, or that it is attached.</summary>
    private static string DataWorkbookLine(KpiPack pack, MailSettings settings, string? dataWorkbookPath)
    {
        var name = dataWorkbookPath is null ? $"o2c-kpi-data-{Pipeline.ReportingMonth.Of(pack.MonthEnd)}.xlsx" : Path.GetFileName(dataWorkbookPath);
        if (!pack.Scope.IsCompany) return "The figures in this pack are for your scope only.";
        if (settings.AttachDataWorkbook && dataWorkbookPath is not null) return $"The detail (every KPI by month and dimension, aged debtors, signals, worklist) is in {name}, attached.";
        return $"The detail (every KPI by month and dimension, aged debtors, signals, worklist) is in {name}"
            + (settings.DataWorkbookLocation is { Length: > 0 } location ? $" at {location}." : ", beside the pack where it was written.");
    }

    private static string Html(KpiPack pack, IReadOnlyList<(string Cid, string Title)> images, string dataWorkbook)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        static string Hex(TileTone tone) => tone switch { TileTone.Good => "#00703C", TileTone.Bad => "#C00000", _ => "#595959" };
        var html = new StringBuilder();
        html.Append("<html><body style=\"font-family:Segoe UI,DejaVu Sans,Arial,sans-serif;font-size:14px;color:#222\">");
        html.Append($"<p style=\"font-size:15px;margin:0 0 12px 0\">{E(PackHeadline.Of(pack))}</p>");
        html.Append("<table cellpadding=\"8\" cellspacing=\"6\" style=\"border-collapse:separate\">");
        var tiles = HeadlineTiles.Of(pack);
        for (var i = 0; i < tiles.Count; i += 4)
        {
            html.Append("<tr>");
            foreach (var tile in tiles.Skip(i).Take(4))
            {
                html.Append("<td valign=\"top\" style=\"background:#F2F2F2;border:1px solid #BFBFBF;width:170px\">");
                html.Append($"<div style=\"color:#595959;font-size:12px;font-weight:bold\">{E(tile.Title)}</div>");
                html.Append($"<div style=\"font-size:22px;font-weight:bold\">{E(tile.Actual is { } a ? LeadershipFigures.Value(a, tile.Unit) : "n/a")}</div>");
                html.Append($"<div style=\"color:{Hex(tile.Tone)};font-size:12px;font-weight:bold\">{E(tile.ChangeText)}</div>");
                if (tile.Context.Length > 0) html.Append($"<div style=\"color:{Hex(tile.AgainstTarget ?? TileTone.Neutral)};font-size:12px\">{E(tile.Context)}</div>");
                if (tile.Note is { } note) html.Append($"<div style=\"color:#595959;font-size:12px\">{E(note)}</div>");
                html.Append("</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</table>");
        html.Append("<h3 style=\"margin:16px 0 4px 0\">Needs attention</h3>");
        var items = PackAttention.Of(pack);
        if (items.Count == 0) html.Append("<p>Nothing flagged this month.</p>");
        else
        {
            html.Append("<ul style=\"margin-top:0\">");
            foreach (var item in items) html.Append($"<li>{E(item.Text)} <span style=\"color:#595959\">Owner: {E(item.Owner)}</span></li>");
            html.Append("</ul>");
        }
        if (pack.PilotLines.Count > 0)
        {
            html.Append("<h3 style=\"margin:16px 0 4px 0\">Pilots</h3><ul style=\"margin-top:0\">");
            foreach (var line in pack.PilotLines) html.Append($"<li>{E(line)}</li>");
            html.Append("</ul>");
        }
        foreach (var (cid, title) in images)
            html.Append($"<p><img src=\"cid:{cid}\" alt=\"{E(title)}\" width=\"620\" height=\"300\"></p>");
        html.Append($"<p style=\"color:#595959\">Amounts in {E(pack.ReportingCurrency)}; the pack ({E(pack.Scope.Label)}) is attached. {E(dataWorkbook)}</p>");
        html.Append("</body></html>");
        return html.ToString();
    }

    private static string Text(KpiPack pack, string dataWorkbook)
    {
        var text = new StringBuilder();
        text.AppendLine(PackHeadline.Of(pack)).AppendLine();
        foreach (var tile in HeadlineTiles.Of(pack))
        {
            text.Append($"  {tile.Title}: {(tile.Actual is { } a ? LeadershipFigures.Value(a, tile.Unit) : "n/a")}");
            if (tile.ChangeText.Length > 0) text.Append($", {tile.ChangeText}");
            if (tile.Context.Length > 0) text.Append($", {tile.Context}");
            if (tile.Note is { } note) text.Append($" ({note})");
            text.AppendLine();
        }
        text.AppendLine().AppendLine("Needs attention");
        var items = PackAttention.Of(pack);
        if (items.Count == 0) text.AppendLine("  nothing flagged this month");
        foreach (var item in items) text.AppendLine($"  - {item.Text} Owner: {item.Owner}");
        if (pack.PilotLines.Count > 0) text.AppendLine().AppendLine("Pilots");
        foreach (var line in pack.PilotLines) text.AppendLine($"  - {line}");
        text.AppendLine().AppendLine($"Amounts in {pack.ReportingCurrency}; the pack ({pack.Scope.Label}) is attached. {dataWorkbook}");
        return text.ToString();
    }
}
