using O2C.Analytics.Sla;
using ClosedXML.Excel;

namespace O2C.Analytics.Render.Excel;

/// <summary>Writes a <see cref="ReportTable"/> as an Excel table (banded, autofilter) with real number formats.</summary>
public static class TableWriter
{
    /// <summary>Writes the header at <paramref name="row"/> and the rows under it; returns the last row written.</summary>
    public static int Write(IXLWorksheet ws, int row, int column, ReportTable table, string tableName, bool setWidths = true)
    {
        for (var c = 0; c < table.Columns.Count; c++)
        {
            ws.Cell(row, column + c).SetValue(table.Columns[c].Header);
            if (setWidths) ws.Column(column + c).Width = Math.Max(ws.Column(column + c).Width, table.Columns[c].Width);
        }
        for (var r = 0; r < table.Rows.Count; r++)
            for (var c = 0; c < table.Columns.Count; c++)
                WriteCell(ws.Cell(row + 1 + r, column + c), table.Rows[r][c], table.Columns[c].Kind, formatCell: table.Columns[c].Kind == ColumnKind.ScaledAmount);
        // An Excel table needs at least one data row: an empty report keeps one row saying so.
        var last = row + Math.Max(1, table.Rows.Count);
        // A column's number format set once on its range, not cell by cell (the analyst workbook's 53,000 KPI values:
        // styling each cell was most of the time it took); text cells show the same under a number format.
        for (var c = 0; c < table.Columns.Count; c++)
            if (table.Columns[c].Kind != ColumnKind.ScaledAmount && table.Rows.Count > 0)
                ws.Range(row + 1, column + c, last, column + c).Style.NumberFormat.Format = SheetLayout.FormatOf(table.Columns[c].Kind);
        if (table.Rows.Count == 0) ws.Cell(row + 1, column).SetValue("none");
        SheetLayout.Table(ws.Range(row, column, last, column + table.Columns.Count - 1), tableName);
        return last;
    }

    /// <param name="formatCell">Set the cell's number format (false: the caller formats the whole column at once).</param>
    public static void WriteCell(IXLCell cell, object? value, ColumnKind kind, bool formatCell = true)
    {
        switch (value)
        {
            case null:
                cell.SetValue("");
                return;
            case string s when kind == ColumnKind.SourceText:
                UntrustedText.Set(cell, s);
                return;
            case string s:
                cell.SetValue(s);
                cell.DataType = XLDataType.Text;
                return;
            case DateOnly d:
                cell.SetValue(d.ToDateTime(TimeOnly.MinValue));
                break;
            case DateTime t:
                cell.SetValue(t);
                break;
            case bool b:
                cell.SetValue(b ? "yes" : "no");
                return;
            default:
                cell.SetValue(Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
        }
        if (!formatCell) return;
        cell.Style.NumberFormat.Format = kind == ColumnKind.ScaledAmount && value is not DateOnly and not DateTime
            ? SheetLayout.ScaledAmountFormatFor(Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture))
            : SheetLayout.FormatOf(kind);
    }
}
