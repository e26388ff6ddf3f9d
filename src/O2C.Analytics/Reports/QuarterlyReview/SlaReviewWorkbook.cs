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
            "What the breaches have in common: delivery channel (invoice sent), match method (cash posted), category (disputes, deductions, credit memos), follow-up kind (promises).",
            (review.Causes, "Causes"));
        Sheet(workbook, "By owner and team", $"By owner and BPO team: {review.Quarter}",
            "Owner: who the contract holds to the SLA (client or BPO; disputes carry their own). BPO team: the customer's collection team.",
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
        foreach (var sheet in workbook.Worksheets) SheetLayout.Finish(sheet);
        workbook.Properties.Title = $"O2C SLA review {review.Quarter}";
        workbook.Properties.Created = review.GeneratedAtUtc;
        return WorkbookFile.SaveAtomically(workbook, path);
    }

    public const int SummaryHeaderRow = 4;

    private static void Summary(XLWorkbook workbook, Reports.QuarterlyReview.SlaReview review)
    {
        var ws = SheetLayout.Add(workbook, "Summary", $"SLA breach review: {review.Quarter}",
            $"Per SLA: items measured, breaches, compliance against target, change from {review.Quarter.Previous} (percentage points), service credits in {review.ReportingCurrency}. Trend below.");
        string[] headers = ["SLA", "Owner", "Items", "Breaches", "Still open at quarter end", "Compliance", "Target", "RAG", $"{review.Quarter.Previous}", "Change (pp)", "Top cause of breach", "Service credit"];
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
            UntrustedText.Set(ws.Cell(row, 11), line.TopCause ?? "");
            TableWriter.WriteCell(ws.Cell(row, 12), line.ServiceCredit, ColumnKind.Amount);
        }
        SheetLayout.Table(ws.Range(SummaryHeaderRow, 1, row, headers.Length), "SlaSummary");
        ws.Row(SummaryHeaderRow).Height = 30;
        int[] widths = [52, 8, 10, 10, 11, 11, 9, 7, 10, 9, 26, 14];
        for (var c = 0; c < widths.Length; c++) ws.Column(c + 1).Width = widths[c];

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

    private static void Credits(XLWorkbook workbook, Reports.QuarterlyReview.SlaReview review)
    {
        var ws = SheetLayout.Add(workbook, "Service credits", $"Service credits owed: {review.Quarter}",
            $"Per SLA: credit per breach x breaches, plus the credit per missed target when compliance is below target; in {review.ReportingCurrency}.");
        string[] headers = ["SLA", "Owner", "Breaches", "Compliance", "Target", "Target met", "Service credit"];
        for (var c = 0; c < headers.Length; c++) ws.Cell(4, c + 1).SetValue(headers[c]);
        var row = 4;
        foreach (var line in review.Lines)
        {
            row++;
            ws.Cell(row, 1).SetValue(line.Name);
            ws.Cell(row, 2).SetValue(line.Owner);
            TableWriter.WriteCell(ws.Cell(row, 3), line.Breaches, ColumnKind.Count);
            TableWriter.WriteCell(ws.Cell(row, 4), line.Compliance, ColumnKind.Percent);
            TableWriter.WriteCell(ws.Cell(row, 5), line.Target, ColumnKind.Percent);
            ws.Cell(row, 6).SetValue(line.TargetMet ? "yes" : "no");
            TableWriter.WriteCell(ws.Cell(row, 7), line.ServiceCredit, ColumnKind.Amount);
        }
        SheetLayout.Table(ws.Range(4, 1, row, headers.Length), "ServiceCredits");
        // The total as a value: a table totals-row formula shows #NAME? in LibreOffice.
        ws.Cell(row + 1, 1).SetValue("Total");
        TableWriter.WriteCell(ws.Cell(row + 1, 7), review.Lines.Sum(l => l.ServiceCredit), ColumnKind.Amount);
        ws.Range(row + 1, 1, row + 1, headers.Length).Style.Font.SetBold().Border.SetTopBorder(XLBorderStyleValues.Thin);
        int[] widths = [52, 8, 10, 11, 9, 9, 16];
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
