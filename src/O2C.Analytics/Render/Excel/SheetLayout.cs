using ClosedXML.Excel;

namespace O2C.Analytics.Render.Excel;

/// <summary>What every sheet of the pack shares: a title and a subtitle, formats, print setup.</summary>
public static class SheetLayout
{
    public const string AmountFormat = "#,##0.00";
    /// <summary>Millions to one decimal, thousands whole, no cents: 32.0 M, 850 k.</summary>
    public const string ScaledAmountFormat = "[>=999950]#,##0.0,,\" M\";[>=1000]#,##0,\" k\";#,##0";
    public const string PercentFormat = "0.0%";

    /// <summary>The scaled format for one amount, negative ones with a minus (a conditional format has no room for them).</summary>
    public static string ScaledAmountFormatFor(decimal amount) => Math.Abs(amount) switch
    {
        >= 999_950m => "#,##0.0,,\" M\";-#,##0.0,,\" M\"",
        >= 1_000m => "#,##0,\" k\";-#,##0,\" k\"",
        _ => "#,##0;-#,##0",
    };
    public const string DaysFormat = "0.0";
    public const string CountFormat = "#,##0";
    public const string DateFormat = "yyyy-mm-dd";
    public const string MonthFormat = "yyyy-mm";
    public const string TimestampFormat = "yyyy-mm-dd hh:mm:ss";

    public static IXLWorksheet Add(XLWorkbook workbook, string name, string title, string subtitle)
    {
        var ws = workbook.Worksheets.Add(name);
        ws.Cell(1, 1).SetValue(title);
        ws.Cell(1, 1).Style.Font.SetBold().Font.SetFontSize(14);
        ws.Cell(2, 1).SetValue(subtitle);
        ws.Cell(2, 1).Style.Font.SetItalic().Font.SetFontColor(XLColor.FromHtml("#595959"));
        return ws;
    }

    /// <summary>Landscape, one page wide, header rows repeated, the sheet name and page number in the footer.</summary>
    public static void Print(IXLWorksheet ws, int repeatRow, bool onePage = false)
    {
        ws.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        ws.PageSetup.PaperSize = XLPaperSize.A4Paper;
        ws.PageSetup.Margins.SetLeft(0.4).SetRight(0.4).SetTop(0.5).SetBottom(0.5);
        ws.PageSetup.FitToPages(1, onePage ? 1 : 0);
        // LibreOffice ignores print titles written as a relative 4:4, which ClosedXML writes whatever it is given:
        // WorkbookFile.SaveAtomically makes them absolute (PrintTitles).
        if (repeatRow > 0) ws.PageSetup.SetRowsToRepeatAtTop($"${repeatRow}:${repeatRow}");
        ws.PageSetup.Footer.Left.AddText(Escape(ws.Name));

        ws.PageSetup.Footer.Right.AddText(XLHFPredefinedText.PageNumber, XLHFOccurrence.AllPages);
    }

    /// <summary>
    /// A leadership page prints at full size (scale 100: no fitting that would shrink text below its set size), with
    /// the pack and scope in the header beside "Confidential" and "Page x of y" in the footer.
    /// </summary>
    public static void LeadershipPrint(IXLWorksheet ws, string title, string scope)
    {
        // The print area: every used cell and every picture (charts reach past the cells around them), so nothing
        // stray prints and no chart is cut.
        var lastRow = ws.LastRowUsed()?.RowNumber() ?? 1;
        var lastColumn = ws.LastColumnUsed()?.ColumnNumber() ?? 1;
        // A merged range's text sits in its first cell: the columns it spans past that count as used (the summary's
        // tiles and owner column lost their last column without this).
        foreach (var merged in ws.MergedRanges)
        {
            lastRow = Math.Max(lastRow, merged.RangeAddress.LastAddress.RowNumber);
            lastColumn = Math.Max(lastColumn, merged.RangeAddress.LastAddress.ColumnNumber);
        }
        foreach (var picture in ws.Pictures)
        {
            var top = picture.TopLeftCell.Address;
            lastRow = Math.Max(lastRow, top.RowNumber + (int)Math.Ceiling((picture.Top + picture.Height) / 20.0));
            double x = picture.Left + picture.Width;
            var column = top.ColumnNumber;
            while (x > 0) x -= ws.Column(column++).Width * 7 + 5; // a column's width in pixels at the default font
            lastColumn = Math.Max(lastColumn, column - 1);
        }
        ws.PageSetup.PrintAreas.Clear();
        ws.PageSetup.PrintAreas.Add(1, 1, lastRow, lastColumn);
        ws.PageSetup.AdjustTo(100);
        // Header and footer in their own bands above and below the content, not over it.
        ws.PageSetup.Margins.SetTop(0.75).SetBottom(0.65).SetHeader(0.3).SetFooter(0.3);
        ws.PageSetup.Header.Left.AddText(Escape(title), XLHFOccurrence.AllPages);
        ws.PageSetup.Header.Center.AddText(Escape(scope), XLHFOccurrence.AllPages);
        ws.PageSetup.Header.Right.AddText("Confidential", XLHFOccurrence.AllPages);
        ws.PageSetup.Footer.Right.Clear();
        ws.PageSetup.Footer.Right.AddText("Page ", XLHFOccurrence.AllPages);
        ws.PageSetup.Footer.Right.AddText(XLHFPredefinedText.PageNumber, XLHFOccurrence.AllPages);
        ws.PageSetup.Footer.Right.AddText(" of ", XLHFOccurrence.AllPages);
        ws.PageSetup.Footer.Right.AddText(XLHFPredefinedText.NumberOfPages, XLHFOccurrence.AllPages);
    }

    /// <summary>'&amp;' starts a header code: doubled, it prints as itself.</summary>
    private static string Escape(string text) => text.Replace("&", "&&", StringComparison.Ordinal);

    /// <summary>
    /// The subtitle wraps within the sheet's used columns instead of running past them (a long line would widen the
    /// printed page and shrink everything else); rows of wrapped text get the height their lines need, since
    /// ClosedXML does not measure text.
    /// </summary>
    /// <param name="pageColumns">The columns a page of charts spans, when more than its cells use.</param>
    public static void Finish(IXLWorksheet ws, int[] wrappedColumns, int pageColumns = 0)
    {
        var lastColumn = Math.Max(pageColumns, Math.Max(1, ws.LastColumnUsed()?.ColumnNumber() ?? 1));
        var subtitle = ws.Cell(2, 1);
        var width = Enumerable.Range(1, lastColumn).Sum(c => ws.Column(c).Width);
        if (lastColumn > 1) ws.Range(2, 1, 2, lastColumn).Merge();
        subtitle.Style.Alignment.WrapText = true;
        subtitle.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        ws.Row(2).Height = 15 * Lines(subtitle.GetString(), width);
        foreach (var column in wrappedColumns)
            foreach (var cell in ws.Column(column).CellsUsed().Where(c => c.Address.RowNumber > 2))
            {
                var row = ws.Row(cell.Address.RowNumber);
                row.Height = Math.Max(row.Height, 15 * Lines(cell.GetString(), ws.Column(column).Width));
            }
    }

    /// <summary>Lines a text needs in a column of the given width (in characters; about 1.1 characters per unit at 11 pt).</summary>
    public static int Lines(string text, double width) => Math.Max(1, (int)Math.Ceiling(text.Length / Math.Max(1, width * 1.1)));

    public static string FormatOf(ColumnKind kind) => kind switch
    {
        ColumnKind.Amount => AmountFormat,
        ColumnKind.ScaledAmount => ScaledAmountFormat,
        ColumnKind.Percent => PercentFormat,
        ColumnKind.Days => DaysFormat,
        ColumnKind.Count => CountFormat,
        ColumnKind.Date => DateFormat,
        ColumnKind.Month => MonthFormat,
        ColumnKind.Timestamp => TimestampFormat,
        ColumnKind.Number => "#,##0.00",
        _ => "@",
    };

    /// <summary>Makes a range (header row first) an Excel table: the pack's banded style, autofilter, header text wrapped.</summary>
    public static IXLTable Table(IXLRange range, string name)
    {
        var table = range.CreateTable(name);
        table.Theme = XLTableTheme.TableStyleLight9;
        table.ShowAutoFilter = true;
        range.FirstRow().Style.Alignment.WrapText = true;
        return table;
    }

    /// <summary>A bold section heading above a table.</summary>
    public static void Heading(IXLWorksheet ws, int row, string text)
    {
        ws.Cell(row, 1).SetValue(text);
        ws.Cell(row, 1).Style.Font.SetBold().Font.SetFontSize(12);
    }
}
