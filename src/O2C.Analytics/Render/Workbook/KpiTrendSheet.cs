using ClosedXML.Excel;

namespace O2C.Analytics.Render.Workbook;

/// <summary>The "KPIs by month" sheet: one row per month, one column per KPI, company-wide.</summary>
public static class KpiTrendSheet
{
    public const string Name = "KPIs by month";
    public const int HeaderRow = 4;

    public static void Write(XLWorkbook workbook, KpiPack pack)
    {
        var ws = workbook.Worksheets.Add(Name);
        ws.Cell(1, 1).SetValue($"O2C KPI pack: {pack.MonthEnd:MMMM yyyy}");
        ws.Cell(1, 1).Style.Font.SetBold().Font.SetFontSize(14);
        ws.Cell(2, 1).SetValue(
            $"Company-wide, amounts in {pack.ReportingCurrency}. Months close on their last calendar day; each value sees only facts dated on or before it. 'n/a' = not available (see note).");

        ws.Cell(HeaderRow, 1).SetValue("Month");
        for (var k = 0; k < pack.Kpis.Count; k++)
        {
            var kpi = pack.Kpis[k];
            ws.Cell(HeaderRow, 2 + k).SetValue($"{kpi.Name} ({kpi.Unit})");
        }

        var row = HeaderRow + 1;
        foreach (var month in pack.Months)
        {
            var monthCell = ws.Cell(row, 1);
            monthCell.SetValue(month.ToDateTime(TimeOnly.MinValue));
            monthCell.Style.NumberFormat.Format = "yyyy-mm";
            for (var k = 0; k < pack.Kpis.Count; k++)
            {
                var kpi = pack.Kpis[k];
                var cell = ws.Cell(row, 2 + k);
                var value = pack.Value(kpi.Id, month);
                if (value?.Value is { } v)
                {
                    cell.SetValue(Math.Round(v, 4));
                    cell.Style.NumberFormat.Format = kpi.NumberFormat;
                }
                else
                {
                    cell.SetValue("n/a");
                    cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
                }
            }
            row++;
        }

        var table = ws.Range(HeaderRow, 1, row - 1, 1 + pack.Kpis.Count).CreateTable("KpisByMonth");
        WriteNotAvailableNotes(ws, pack, row + 1);
        table.Theme = XLTableTheme.TableStyleLight9;
        table.ShowAutoFilter = true;
        ws.SheetView.FreezeRows(HeaderRow);
        ws.Column(1).Width = 11;
        for (var k = 0; k < pack.Kpis.Count; k++) ws.Column(2 + k).Width = 20;
        ws.Row(HeaderRow).Style.Alignment.WrapText = true;
        ws.Row(HeaderRow).Height = 45;
        ws.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        ws.PageSetup.FitToPages(1, 0);
        ws.PageSetup.SetRowsToRepeatAtTop(HeaderRow, HeaderRow);
    }

    /// <summary>Below the table: why each 'n/a' is not available, by KPI and reason, with its months.</summary>
    private static void WriteNotAvailableNotes(IXLWorksheet ws, KpiPack pack, int row)
    {
        var notes = pack.CompanyValues
            .Where(v => v.Value is null && v.Note is not null && pack.Months.Contains(v.PeriodEnd))
            .GroupBy(v => (v.KpiId, v.Note))
            .ToList();
        if (notes.Count == 0) return;
        ws.Cell(row++, 1).SetValue("Not available");
        ws.Cell(row - 1, 1).Style.Font.SetBold();
        foreach (var group in notes)
        {
            var name = pack.Kpis.First(k => k.Id == group.Key.KpiId).Name;
            var months = string.Join(", ", group.Select(v => v.PeriodEnd.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)));
            ws.Cell(row++, 1).SetValue($"{name}: {group.Key.Note} ({months})");
        }
    }
}
