using O2C.Analytics.Pipeline;
using O2C.Analytics.Sla;
using ClosedXML.Excel;
using O2C.Analytics.Render.Excel;
using O2C.Analytics.Reports.MonthlyPack;

namespace O2C.Analytics.Reports.QuarterlyReview;

/// <summary>Writes the SLA review workbook (reports/o2c-sla-review-YYYY-Qn.xlsx): the quarterly SLA breach review, formatted as the monthly pack.</summary>
public static class SlaReviewWorkbook
{
    /// <param name="path">Where to write it (OutputPaths.SlaReview).</param>
    public static string Write(Reports.QuarterlyReview.SlaReview review, string path)
    {
        path = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var workbook = new XLWorkbook();
        Summary(workbook, review);
        Sheet(workbook, "Causes", $"Breaches by cause: {review.Quarter}",
            "Root causes the data can tell, ranked by breaches with the value they affect: cash posted (unidentified payer, missing remittance, manual match, posting backlog, not applied), invoice sent (paper invoice, late invoicing, late dispatch), promises (no follow-up, customer not reachable, late follow-up); disputes, deductions and credit memos by category. Each SLA's causes add up to its breaches.",
            (review.Causes, "Causes"));
        Sheet(workbook, "Actions", $"Actions on breach causes: {review.Quarter}",
            "Agreed actions (o2c.json SlaContract.Actions) raised by this quarter and still open at its end or closed in it: each is carried from quarter to quarter until done. Overdue: open past its due date at the quarter end.",
            (review.Actions ?? ReportTable.Empty(SlaReviewReader.ActionColumns), "Actions"));
        Sheet(workbook, "By owner and team", $"By owner and BPO team: {review.Quarter}",
            "SLA owner: who the contract holds to the SLA (client or BPO; per item: disputes carry their own). Handled by: the party of the team that worked the item (the customer's team). An SLA the BPO owns counts only the BPO's items; the rest are shown for comparison.",
            (review.ByOwner, "ByOwnerAndTeam"));
        Sheet(workbook, "By customer and segment", $"By customer segment, and the 50 customers with most breaches: {review.Quarter}", "",
            (review.BySegment, "BySegment"), (review.ByCustomer, "ByCustomer"));
        Sheet(workbook, "Repeat offenders", $"Repeat offenders: {review.Quarter}",
            "Customers and collectors with breaches of the same SLA this quarter and in at least two of the three quarters before.",
            (review.RepeatOffenders, "RepeatOffenders"));
        var listed = review.Breaches.Rows.Count;
        Sheet(workbook, "Breaches", $"Every breach of {review.Quarter}: {review.BreachesInQuarter:N0}",
            (listed < review.BreachesInQuarter ? $"The {listed:N0} with the most days over are listed; all are in the warehouse table sla_measurements. " : "") +
            "Status: late (done after the deadline) or open past threshold (not done at the quarter end: an ageing breach, counted as if done the next business day).",
            (review.Breaches, "Breaches"));
        Credits(workbook, review);
        Sheet(workbook, "SLA definitions", "SLA definitions in force",
            "Business days: Monday to Friday, less the holiday calendar. Each item counts in the quarter its deadline falls in, judged as of that quarter's end; exactly at the threshold is met.",
            (review.Definitions, "SlaDefinitions"));
        foreach (var sheet in workbook.Worksheets) SheetLayout.Finish(sheet, []);
        workbook.Properties.Title = $"O2C SLA review {review.Quarter}";
        workbook.Properties.Created = review.GeneratedAtUtc;
        return WorkbookFile.SaveAtomically(workbook, path);
    }

    public const int SummaryHeaderRow = 4;

    private static void Summary(XLWorkbook workbook, Reports.QuarterlyReview.SlaReview review)
    {
        var ws = SheetLayout.Add(workbook, "Summary", $"SLA breach review: {review.Quarter}",
            $"Per SLA: the items it measures (an SLA the BPO owns: the BPO's items only), breaches, compliance against target, change from {review.Quarter.Previous} (percentage points), the client's in-house teams on the same SLA for comparison, service credits in {review.ReportingCurrency}. Trend below.");
        string[] headers = ["SLA", "Owner", "Items", "Breaches", "Still open at quarter end", "Compliance", "Target", "RAG", $"{review.Quarter.Previous}", "Change (pp)", "In-house on the same SLA", "Top cause of breach", "Service credit"];
        for (var c = 0; c < headers.Length; c++) ws.Cell(SummaryHeaderRow, c + 1).SetValue(headers[c]);
        var row = SummaryHeaderRow;
        foreach (var line in review.Lines)
        {
            row++;
            ws.Cell(row, 1).SetValue(line.Name);
            ws.Cell(row, 2).SetValue(line.Owner);
            TableWriter.WriteCell(ws.Cell(row, 3), line.Volume, ColumnKind.Count);
            TableWriter.WriteCell(ws.Cell(row, 4), line.Breaches, ColumnKind.Count);
            TableWriter.WriteCell(ws.Cell(row, 5), line.OpenBreaches, ColumnKind.Count);
            TableWriter.WriteCell(ws.Cell(row, 6), line.Compliance, ColumnKind.Percent);
            TableWriter.WriteCell(ws.Cell(row, 7), line.Target, ColumnKind.Percent);
            var rag = line.Compliance is null ? "n/a" : line.TargetMet ? "Green" : "Red";
            ws.Cell(row, 8).SetValue(rag);
            ws.Cell(row, 8).Style.Fill.SetBackgroundColor(rag == "Green" ? ScorecardSheet.Green : rag == "Red" ? ScorecardSheet.Red : ScorecardSheet.NotRated);
            TableWriter.WriteCell(ws.Cell(row, 9), line.PriorCompliance, ColumnKind.Percent);
            TableWriter.WriteCell(ws.Cell(row, 10), line.ChangePoints, ColumnKind.Days);
            if (line.ChangePoints is not null) ws.Cell(row, 10).Style.NumberFormat.Format = "+0.0;-0.0;0.0";
            TableWriter.WriteCell(ws.Cell(row, 11), line.InhouseCompliance, ColumnKind.Percent);
            UntrustedText.Set(ws.Cell(row, 12), line.TopCause ?? "");
            ws.Cell(row, 12).Style.Alignment.Indent = 1; // clear of the percentage before it
            TableWriter.WriteCell(ws.Cell(row, 13), line.ServiceCredit, ColumnKind.Amount);
        }
        SheetLayout.Table(ws.Range(SummaryHeaderRow, 1, row, headers.Length), "SlaSummary");
        ws.Row(SummaryHeaderRow).Height = 30;
        int[] widths = [52, 8, 10, 10, 11, 11, 9, 7, 10, 9, 11, 26, 14];
        for (var c = 0; c < widths.Length; c++) ws.Column(c + 1).Width = widths[c];
        if (review.Credits is { } credits)
        {
            row++;
            ws.Cell(row, 1).SetValue(CreditsInWords(review, credits));
            ws.Cell(row, 1).Style.Font.SetBold();
        }
        row++;
        ws.Cell(row, 1).SetValue(ActionsInWords(review));
        ws.Cell(row, 1).Style.Font.SetBold();

        var chartRow = row + 2;
        SheetLayout.Heading(ws, chartRow, "Compliance over the last four quarters");
        ws.AddPicture(new MemoryStream(SlaTrendChart.Png(review)), "trend").MoveTo(ws.Cell(chartRow + 1, 1)).WithSize(900, 420);
        var trendRow = chartRow + 24;
        SheetLayout.Heading(ws, trendRow - 1, "By quarter");
        // The summary above names each SLA; the by-quarter table needs only its id.
        var name = review.Trend.IndexOf("sla_name");
        var byQuarter = new ReportTable(review.Trend.Columns.Where((_, i) => i != name).ToList(),
            review.Trend.Rows.Select(r => r.Where((_, i) => i != name).ToArray()).ToList());
        TableWriter.Write(ws, trendRow, 1, byQuarter, "SlaTrend", setWidths: false);
        ws.SheetView.FreezeRows(SummaryHeaderRow);
        SheetLayout.Print(ws, SummaryHeaderRow);
    }

    /// <summary>The actions in one sentence: open, overdue, closed, and the top causes no open action addresses.</summary>
    public static string ActionsInWords(Reports.QuarterlyReview.SlaReview review)
    {
        var (open, overdue, closed) = review.ActionCounts;
        var covered = review.Actions is { } a
            ? a.Rows.Where(r => (string?)r[a.IndexOf("status")] == "open").Select(r => ((string)r[a.IndexOf("sla_id")]!, (string)r[a.IndexOf("cause")]!)).ToHashSet()
            : [];
        var missed = review.Lines.Where(l => l.Breaches > 0 && l.TopCause is not null && !l.TargetMet && !covered.Contains((l.SlaId, l.TopCause)))
            .Select(l => $"{l.SlaId} ({l.TopCause})").ToList();
        var text = open + closed == 0
            ? "Actions: none recorded (add them under SlaContract.Actions in o2c.json, docs/sla.md)"
            : $"Actions: {open} open ({overdue} overdue), {closed} closed this quarter (Actions sheet)";
        return text + (missed.Count > 0 ? $"; SLAs below target whose top cause has no open action: {string.Join(", ", missed)}." : ".");
    }

    /// <summary>The quarter's credits in one sentence: owed, capped, earned back, net.</summary>
    public static string CreditsInWords(Reports.QuarterlyReview.SlaReview review, QuarterCredits credits)
    {
        var currency = review.ReportingCurrency;
        var capped = credits.Capped < credits.Gross ? $", capped at {credits.Capped:N2}" : "";
        var earned = credits.EarnedBack > 0 ? $"; earned back by the BPO for targets met again: {credits.EarnedBack:N2}" : "";
        return $"Service credits for {review.Quarter} (BPO breaches only): {credits.Gross:N2} {currency}{capped}{earned}; net owed by the BPO: {credits.Net:N2} {currency}.";
    }

    private static void Credits(XLWorkbook workbook, Reports.QuarterlyReview.SlaReview review)
    {
        var contract = review.Contract ?? new SlaContract();
        var terms = $"Only breaches of items the BPO owns are credited: credit per breach x those breaches, plus the credit per missed target when an SLA the BPO owns is below target. "
            + (contract.CreditCapPerQuarter is { } cap ? $"The quarter's credits are capped at {cap:N2} (each SLA keeps its share). " : "No cap. ")
            + (contract.EarnBack ? "A missed target's credit, as credited, is earned back when the SLA meets its target the next quarter." : "No earn-back.");
        var ws = SheetLayout.Add(workbook, "Service credits", $"Service credits owed: {review.Quarter}", $"{terms} In {review.ReportingCurrency}.");
        string[] headers = ["SLA", "Owner", "BPO breaches", "Compliance", "Target", "Target met", "Per-breach credit", "Missed-target credit", "After the cap", "Earned back"];
        for (var c = 0; c < headers.Length; c++) ws.Cell(4, c + 1).SetValue(headers[c]);
        var row = 4;
        var bySla = review.Credits?.BySla.ToDictionary(c => c.SlaId) ?? [];
        foreach (var line in review.Lines)
        {
            row++;
            var credit = bySla.GetValueOrDefault(line.SlaId);
            ws.Cell(row, 1).SetValue(line.Name);
            ws.Cell(row, 2).SetValue(line.Owner);
            TableWriter.WriteCell(ws.Cell(row, 3), credit?.BpoBreaches ?? 0L, ColumnKind.Count);
            TableWriter.WriteCell(ws.Cell(row, 4), line.Compliance, ColumnKind.Percent);
            TableWriter.WriteCell(ws.Cell(row, 5), line.Target, ColumnKind.Percent);
            ws.Cell(row, 6).SetValue(line.TargetMet ? "yes" : "no");
            TableWriter.WriteCell(ws.Cell(row, 7), credit?.BreachCredit ?? 0m, ColumnKind.Amount);
            TableWriter.WriteCell(ws.Cell(row, 8), credit?.MissedTargetCredit ?? 0m, ColumnKind.Amount);
            TableWriter.WriteCell(ws.Cell(row, 9), credit?.Credited ?? 0m, ColumnKind.Amount);
            TableWriter.WriteCell(ws.Cell(row, 10), credit?.EarnedBack ?? 0m, ColumnKind.Amount);
        }
        SheetLayout.Table(ws.Range(4, 1, row, headers.Length), "ServiceCredits");
        // Totals as values: a table totals-row formula shows #NAME? in LibreOffice.
        ws.Cell(row + 1, 1).SetValue("Total");
        if (review.Credits is { } q)
        {
            TableWriter.WriteCell(ws.Cell(row + 1, 7), q.BySla.Sum(c => c.BreachCredit), ColumnKind.Amount);
            TableWriter.WriteCell(ws.Cell(row + 1, 8), q.BySla.Sum(c => c.MissedTargetCredit), ColumnKind.Amount);
            TableWriter.WriteCell(ws.Cell(row + 1, 9), q.Capped, ColumnKind.Amount);
            TableWriter.WriteCell(ws.Cell(row + 1, 10), q.EarnedBack, ColumnKind.Amount);
            ws.Cell(row + 2, 1).SetValue("Net owed by the BPO (after the cap, less earned back)");
            TableWriter.WriteCell(ws.Cell(row + 2, 9), q.Net, ColumnKind.Amount);
            ws.Range(row + 2, 1, row + 2, headers.Length).Style.Font.SetBold();
        }
        ws.Range(row + 1, 1, row + 1, headers.Length).Style.Font.SetBold().Border.SetTopBorder(XLBorderStyleValues.Thin);
        int[] widths = [52, 8, 10, 11, 9, 9, 13, 13, 13, 13];
        for (var c = 0; c < widths.Length; c++) ws.Column(c + 1).Width = widths[c];
        SheetLayout.Print(ws, 4);
    }

    private static void Sheet(XLWorkbook workbook, string name, string title, string subtitle, params (ReportTable Table, string Name)[] tables)
    {
        var ws = SheetLayout.Add(workbook, name, title, subtitle);
        var row = 4;
        foreach (var (table, tableName) in tables)
        {
            var last = TableWriter.Write(ws, row, 1, table, tableName);
            ws.Row(row).Height = 30;
            row = last + 3;
        }
        ws.SheetView.FreezeRows(4);
        SheetLayout.Print(ws, 4);
    }
}
