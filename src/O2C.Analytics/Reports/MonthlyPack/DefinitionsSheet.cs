using O2C.Analytics.Sla;
using O2C.Analytics.Render.Excel;
using ClosedXML.Excel;
using O2C.Analytics.Metrics;

namespace O2C.Analytics.Reports.MonthlyPack;

/// <summary>Every KPI shown in the pack with its formula, unit, direction, the target in force and the RAG rule, and its reference.</summary>
public static class DefinitionsSheet
{
    public const string Name = "Definitions";
    public const int HeaderRow = 4;
    public static readonly string[] Headers = ["KPI id", "Name", "Area", "Formula", "Unit", "Good direction", "Target in force", "Amber tolerance", "Reference"];

    /// <summary>The KPIs the pack's pages chart or tile (the scorecard's others are defined in the analyst workbook).</summary>
    public static readonly string[] PackKpis = ["cash_collected", "dso", "bpdso", "past_due_pct", "ar_over_90_pct", "cei", "dispute_cycle_time", "stp_rate_value"];

    /// <summary>
    /// The pack's definitions page: the RAG rule, the KPIs on its pages with formula, direction and target, and the
    /// figures that are not KPIs (roll-forward, forecast, next action). One page at 9 pt.
    /// </summary>
    public static void WriteForPack(XLWorkbook workbook, KpiPack pack, string? dataWorkbook)
    {
        var ws = SheetLayout.Add(workbook, Name, "What the figures in this pack mean",
            "RAG: green at or better than the target, amber worse by no more than the tolerance, red beyond, n/a without a target or a value. " +
            "Targets: loaded kpi_targets in force at the month end, else the catalogue default (tolerance a tenth of the target, at least 1). " +
            $"The formula of every other KPI on the scorecard is in the analyst workbook{(dataWorkbook is null ? "" : $" ({dataWorkbook})")}, sheet Definitions.");
        string[] headers = ["KPI", "Formula", "Good direction", "Target"];
        for (var c = 0; c < headers.Length; c++) ws.Cell(HeaderRow, c + 1).SetValue(headers[c]);
        ws.Range(HeaderRow, 1, HeaderRow, headers.Length).Style.Font.SetBold().Border.SetBottomBorder(XLBorderStyleValues.Thin);
        var row = HeaderRow + 1;
        foreach (var kpi in PackKpis.Select(KpiCatalog.Get))
        {
            ws.Cell(row, 1).SetValue(kpi.Name);
            ws.Cell(row, 2).SetValue(kpi.Formula);
            ws.Cell(row, 3).SetValue(kpi.Direction == KpiDirection.LowerIsBetter ? "lower" : "higher");
            ScorecardSheet.Number(ws.Cell(row, 4), pack.Target(kpi.Id)?.Target, kpi, scaled: true);
            if (pack.Target(kpi.Id) is null) ws.Cell(row, 4).SetValue("none");
            row++;
        }
        foreach (var (term, meaning) in new[]
        {
            ("Overdue", "AR past its due date at the month end (past-due AR %'s numerator), in the reporting currency."),
            ("Roll-forward", "Opening AR + invoices issued - credit memos - cash applied - write-offs + revaluation of the opening balance to the month-end rates = closing AR."),
            ("Cash forecast", "Receipts expected by week from open AR (roll rates of items of the same age, dispute state and payer habit over the last 12 month ends) and from billing not yet issued; P10-P90 from how the method missed before."),
            ("WAPE", "Sum of weekly absolute forecast errors / actual receipts of those weeks."),
            ("Next action", "Top overdue: a broken promise first, then open disputes, more than 90 days past due, no contact for 30 days, a promise still open."),
            ("Owner", "The customer's collections team (BPO or in-house), from the customer master."),
        })
        {
            ws.Cell(row, 1).SetValue(term);
            ws.Cell(row, 2).SetValue(meaning);
            row++;
        }
        ws.Range(HeaderRow, 1, row - 1, headers.Length).Style.Font.FontSize = 9;
        int[] widths = [34, 66, 10, 10];
        for (var c = 0; c < widths.Length; c++) ws.Column(c + 1).Width = widths[c];
        ws.Column(2).Style.Alignment.WrapText = true;
        ws.Range(HeaderRow + 1, 1, row - 1, headers.Length).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        SheetLayout.Print(ws, HeaderRow);
    }

    public static void Write(XLWorkbook workbook, KpiPack pack)
    {
        var ws = SheetLayout.Add(workbook, Name, "KPI definitions",
            "RAG rule: green when the actual is at or better than the target (below it where lower is better, above it where higher is better); amber when worse by no more than the tolerance; red beyond; n/a without a target or a value. Targets: loaded kpi_targets in force at the month end, else the catalogue default with a tolerance of a tenth of the target (at least 1).");
        for (var c = 0; c < Headers.Length; c++) ws.Cell(HeaderRow, c + 1).SetValue(Headers[c]);
        var row = HeaderRow + 1;
        foreach (var kpi in pack.Kpis)
        {
            var target = pack.Target(kpi.Id);
            ws.Cell(row, 1).SetValue(kpi.Id);
            ws.Cell(row, 2).SetValue(kpi.Name);
            ws.Cell(row, 3).SetValue(kpi.Area);
            ws.Cell(row, 4).SetValue(kpi.Formula);
            ws.Cell(row, 5).SetValue(kpi.Unit);
            ws.Cell(row, 6).SetValue(kpi.Direction == KpiDirection.LowerIsBetter ? "lower is better" : "higher is better");
            ScorecardSheet.Number(ws.Cell(row, 7), target?.Target, kpi);
            if (target is null) ws.Cell(row, 7).SetValue("none");
            ScorecardSheet.Number(ws.Cell(row, 8), target?.Tolerance, kpi);
            if (target?.Tolerance is null) ws.Cell(row, 8).SetValue("none");
            ws.Cell(row, 9).SetValue(kpi.Reference);
            row++;
        }
        SheetLayout.Table(ws.Range(HeaderRow, 1, row - 1, Headers.Length), "KpiDefinitions");
        ws.Row(HeaderRow).Height = 30;
        ws.SheetView.FreezeRows(HeaderRow);
        int[] widths = [22, 32, 18, 70, 7, 15, 10, 10, 45];
        for (var c = 0; c < widths.Length; c++) ws.Column(c + 1).Width = widths[c];
        ws.Column(4).Style.Alignment.WrapText = true;
        ws.Column(9).Style.Alignment.WrapText = true;
        ws.Range(HeaderRow + 1, 1, row - 1, Headers.Length).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        SheetLayout.Print(ws, HeaderRow);
    }
}
