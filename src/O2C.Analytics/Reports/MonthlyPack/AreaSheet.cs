using O2C.Analytics.Spc;
using O2C.Analytics.Render.Excel;
using ClosedXML.Excel;
using O2C.Analytics.Metrics;
using O2C.Analytics.Reports.MonthlyPack;

namespace O2C.Analytics.Reports.MonthlyPack;

/// <summary>
/// One sheet per KPI area: the area's KPIs by month (every month up to the pack's), the month's values by every
/// dimension member, and each KPI's company control chart as stored by the last refresh.
/// </summary>
public static class AreaSheet
{
    public const int MonthHeaderRow = 5;
    public const int ChartWidth = 640;
    public const int ChartHeight = 300;
    private const int RowsPerChart = 16; // 300 px at the default 20 px row, plus a gap

    /// <summary>Sheet names may not hold '&amp;' comfortably in every tool, nor exceed 31 characters.</summary>
    public static string SheetName(string area) => area.Replace("&", "and", StringComparison.Ordinal);

    public static string TableName(string area, string suffix) =>
        string.Concat(area.Where(char.IsLetter)) + suffix;

    public static void Write(XLWorkbook workbook, KpiPack pack, string area)
    {
        var kpis = pack.Kpis.Where(k => k.Area == area).ToList();
        var ws = SheetLayout.Add(workbook, SheetName(area), $"{area}: {pack.MonthEnd:MMMM yyyy}",
            $"Company-wide by month, then by dimension for {pack.MonthEnd:MMMM yyyy}, then control charts. Amounts in {pack.ReportingCurrency}; 'n/a' = not available (see notes).");

        SheetLayout.Heading(ws, MonthHeaderRow - 1, "By month, company-wide");
        ws.Cell(MonthHeaderRow, 1).SetValue("Month");
        for (var k = 0; k < kpis.Count; k++) ws.Cell(MonthHeaderRow, 2 + k).SetValue($"{kpis[k].Name} ({kpis[k].Unit})");
        var row = MonthHeaderRow + 1;
        foreach (var month in pack.Months)
        {
            var monthCell = ws.Cell(row, 1);
            monthCell.SetValue(month.ToDateTime(TimeOnly.MinValue));
            monthCell.Style.NumberFormat.Format = SheetLayout.MonthFormat;
            for (var k = 0; k < kpis.Count; k++) ScorecardSheet.Number(ws.Cell(row, 2 + k), pack.Value(kpis[k].Id, month)?.Value, kpis[k]);
            row++;
        }
        SheetLayout.Table(ws.Range(MonthHeaderRow, 1, row - 1, 1 + kpis.Count), TableName(area, "ByMonth"));
        row = NotAvailableNotes(ws, pack, kpis, row + 1);

        row += 1;
        SheetLayout.Heading(ws, row, $"By dimension, {pack.MonthEnd:MMMM yyyy}");
        var dimensionHeader = ++row;
        ws.Cell(row, 1).SetValue("Dimension");
        ws.Cell(row, 2).SetValue("Member");
        for (var k = 0; k < kpis.Count; k++) ws.Cell(row, 3 + k).SetValue($"{kpis[k].Name} ({kpis[k].Unit})");
        var ids = kpis.Select(k => k.Id).ToHashSet();
        var members = pack.DimensionValues.Where(v => ids.Contains(v.KpiId))
            .GroupBy(v => (v.Dimension, v.Member)).OrderBy(g => g.Key.Dimension, StringComparer.Ordinal).ThenBy(g => g.Key.Member, StringComparer.Ordinal).ToList();
        foreach (var member in members)
        {
            row++;
            ws.Cell(row, 1).SetValue(member.Key.Dimension.Replace('_', ' '));
            // Members are source data (collector names, segments): never evaluated.
            UntrustedText.Set(ws.Cell(row, 2), member.Key.Member);
            for (var k = 0; k < kpis.Count; k++)
            {
                var value = member.FirstOrDefault(v => v.KpiId == kpis[k].Id);
                if (value is null) ws.Cell(row, 3 + k).SetValue("");
                else ScorecardSheet.Number(ws.Cell(row, 3 + k), value.Value, kpis[k]);
            }
        }
        if (members.Count == 0) ws.Cell(++row, 1).SetValue("none");
        SheetLayout.Table(ws.Range(dimensionHeader, 1, row, 2 + kpis.Count), TableName(area, "ByDimension"));

        row += 2;
        // Charts start on a page of their own when printed.
        ws.PageSetup.AddHorizontalPageBreak(row - 1);
        SheetLayout.Heading(ws, row, "Control charts, company-wide (limits from the baseline; red points are signals, labelled with their rule numbers)");
        row += 1;
        var charts = kpis.Select(k => pack.Chart(k.Id)).OfType<Spc.ControlChart>().ToList();
        for (var i = 0; i < charts.Count; i++)
        {
            var png = ControlChartRenderer.PngBytes(charts[i], ChartWidth, ChartHeight);
            var picture = ws.AddPicture(new MemoryStream(png), $"chart{i + 1}");
            var anchor = ws.Cell(row + i / 2 * RowsPerChart, 1);
            if (i % 2 == 0) picture.MoveTo(anchor);
            else picture.MoveTo(anchor, ChartWidth + 20, 0);
            picture.WithSize(ChartWidth, ChartHeight);
        }
        if (charts.Count == 0) ws.Cell(row, 1).SetValue("No control charts stored: run o2c refresh.");

        ws.Column(1).Width = 14;
        ws.Column(2).Width = 18;
        for (var k = 0; k < kpis.Count; k++) ws.Column(3 + k).Width = Math.Max(ws.Column(3 + k).Width, 16);
        ws.Row(MonthHeaderRow).Height = 45;
        ws.Row(dimensionHeader).Height = 45;
        ws.SheetView.FreezeColumns(1);
        SheetLayout.Print(ws, 0);
    }


    /// <summary>Below the monthly table: why each 'n/a' is not available, by KPI and reason, with its months.</summary>
    private static int NotAvailableNotes(IXLWorksheet ws, KpiPack pack, IReadOnlyList<KpiDefinition> kpis, int row)
    {
        var ids = kpis.Select(k => k.Id).ToHashSet();
        var notes = pack.CompanyValues
            .Where(v => ids.Contains(v.KpiId) && v.Value is null && v.Note is not null && pack.Months.Contains(v.PeriodEnd))
            .GroupBy(v => (v.KpiId, v.Note))
            .ToList();
        if (notes.Count == 0) return row;
        ws.Cell(row++, 1).SetValue("Not available");
        ws.Cell(row - 1, 1).Style.Font.SetBold();
        foreach (var group in notes)
        {
            var name = kpis.First(k => k.Id == group.Key.KpiId).Name;
            var months = string.Join(", ", group.Select(v => Pipeline.ReportingMonth.Of(v.PeriodEnd).ToString()));
            ws.Cell(row++, 1).SetValue($"{name}: {group.Key.Note} ({months})");
        }
        return row;
    }
}
