using ClosedXML.Excel;
using O2C.Analytics.Render.Excel;
using O2C.Analytics.Reports.Summary;

namespace O2C.Analytics.Reports.MonthlyPack;

/// <summary>
/// The pack's first page: the month in a sentence, eight headline tiles (actual, change on the prior month or the
/// forecast with an arrow coloured good or bad by the figure's direction, target or note), and what needs attention
/// with its owner. One A4 landscape page.
/// </summary>
public static class SummarySheet
{
    public const string Name = "Summary";
    public const int HeadlineRow = 3;
    public const int FirstTileRow = 5;
    private const int TilesPerRow = 4;
    private const int ColumnsPerTile = 2;
    private const int RowsPerTile = 5;
    /// <summary>Eight columns of this width fill an A4 landscape page at full size (about 120 in all).</summary>
    private const double ColumnWidth = 14.5;

    public static readonly XLColor GoodColour = XLColor.FromHtml("#00703C");
    public static readonly XLColor BadColour = XLColor.FromHtml("#C00000");
    public static readonly XLColor NeutralColour = XLColor.FromHtml("#595959");
    private static readonly XLColor TileFill = XLColor.FromHtml("#F2F2F2");

    public static XLColor Colour(TileTone tone) => tone switch { TileTone.Good => GoodColour, TileTone.Bad => BadColour, _ => NeutralColour };

    public static void Write(XLWorkbook workbook, KpiPack pack, string? dataWorkbook = null)
    {
        var ws = workbook.Worksheets.Add(Name);
        var width = TilesPerRow * ColumnsPerTile;
        for (var c = 1; c <= width; c++) ws.Column(c).Width = ColumnWidth;

        ws.Cell(1, 1).SetValue($"O2C KPI pack: {pack.MonthEnd:MMMM yyyy}, {pack.Scope.Label}");
        ws.Cell(1, 1).Style.Font.SetBold().Font.SetFontSize(16);
        var headline = ws.Range(HeadlineRow, 1, HeadlineRow, width).Merge();
        headline.FirstCell().SetValue(PackHeadline.Of(pack));
        headline.Style.Font.SetFontSize(12).Alignment.SetWrapText().Alignment.SetVertical(XLAlignmentVerticalValues.Top);
        ws.Row(HeadlineRow).Height = 48;
        // Thin spacer rows: the page holds the headline, eight tiles, five attention items and the note.
        ws.Row(HeadlineRow - 1).Height = 6;
        ws.Row(HeadlineRow + 1).Height = 8;

        var tiles = HeadlineTiles.Of(pack);
        for (var i = 0; i < tiles.Count; i++)
            WriteTile(ws, FirstTileRow + i / TilesPerRow * (RowsPerTile + 1), 1 + i % TilesPerRow * ColumnsPerTile, tiles[i]);
        var tileRows = (tiles.Count + TilesPerRow - 1) / TilesPerRow;
        for (var r = 1; r <= tileRows; r++) ws.Row(FirstTileRow + r * (RowsPerTile + 1) - 1).Height = 8;

        var row = FirstTileRow + tileRows * (RowsPerTile + 1);
        ws.Cell(row, 1).SetValue("Needs attention");
        ws.Cell(row, 1).Style.Font.SetBold().Font.SetFontSize(12);
        ws.Cell(row, width - 1).SetValue("Owner");
        ws.Cell(row, width - 1).Style.Font.SetBold();
        var items = PackAttention.Of(pack);
        foreach (var item in items)
        {
            row++;
            var text = ws.Range(row, 1, row, width - 2).Merge();
            text.FirstCell().SetValue("\u2022 " + item.Text);
            text.Style.Alignment.SetWrapText().Alignment.SetVertical(XLAlignmentVerticalValues.Top);
            var owner = ws.Range(row, width - 1, row, width).Merge();
            UntrustedText.Set(owner.FirstCell(), item.Owner);
            owner.Style.Alignment.SetVertical(XLAlignmentVerticalValues.Top);
            ws.Row(row).Height = 15 * SheetLayout.Lines(item.Text, ColumnWidth * (width - 2) * 0.95);
        }
        if (items.Count == 0) ws.Cell(++row, 1).SetValue("Nothing flagged this month.");
        foreach (var line in pack.PilotLines)
        {
            // a pilot's result: one line under what needs attention (issue 23)
            row++;
            var text = ws.Range(row, 1, row, width).Merge();
            UntrustedText.Set(text.FirstCell(), "\u25B8 " + line);
            text.Style.Alignment.SetWrapText().Alignment.SetVertical(XLAlignmentVerticalValues.Top);
            ws.Row(row).Height = 15 * SheetLayout.Lines(line, ColumnWidth * width * 0.95);
        }

        row += 1;
        ws.Row(row).Height = 8;
        row += 1;
        var note = ws.Range(row, 1, row, width).Merge();
        note.FirstCell().SetValue(
            $"Amounts in {pack.ReportingCurrency}. Arrows: green is good news for the figure, red bad (lower is better for DSO and overdue). " +
            (pack.Scope.IsCompany ? "" : "This pack covers only the customers of " + pack.Scope.Label + "; the cash forecast is made company-wide and is not in it. ") +
            (dataWorkbook is null ? "" : $"Every KPI by month and dimension, aged debtors, all signals and the lineage: {dataWorkbook} (beside this pack)."));
        note.Style.Font.SetItalic().Font.SetFontColor(NeutralColour).Font.SetFontSize(9).Alignment.SetWrapText();
        ws.Row(row).Height = 26;
        SheetLayout.Print(ws, 0);
    }

    private static void WriteTile(IXLWorksheet ws, int row, int column, HeadlineTile tile)
    {
        var box = ws.Range(row, column, row + RowsPerTile - 1, column + ColumnsPerTile - 1);
        box.Style.Fill.SetBackgroundColor(TileFill).Border.SetOutsideBorder(XLBorderStyleValues.Thin).Border.SetOutsideBorderColor(XLColor.FromHtml("#BFBFBF"));
        IXLCell Line(int offset, string text)
        {
            var range = ws.Range(row + offset, column, row + offset, column + ColumnsPerTile - 1).Merge();
            range.FirstCell().SetValue(text);
            range.Style.Alignment.SetWrapText();
            return range.FirstCell();
        }
        Line(0, tile.Title).Style.Font.SetBold().Font.SetFontSize(10).Font.SetFontColor(NeutralColour);
        var value = Line(1, tile.Actual is { } a ? LeadershipFigures.Value(a, tile.Unit) : "n/a");
        value.Style.Font.SetBold().Font.SetFontSize(20);
        ws.Row(row + 1).Height = 27;
        var change = Line(2, tile.ChangeText);
        change.Style.Font.SetFontSize(10).Font.SetFontColor(Colour(tile.Tone)).Font.SetBold();
        var targetCell = Line(3, tile.Context);
        targetCell.Style.Font.SetFontSize(9);
        if (tile.AgainstTarget is { } standing) targetCell.Style.Font.SetFontColor(Colour(standing));
        var note = Line(4, tile.Note ?? "");
        note.Style.Font.SetFontSize(9).Font.SetFontColor(NeutralColour);
        if (tile.Note is { Length: > 40 }) ws.Row(row + 4).Height = Math.Max(ws.Row(row + 4).Height, 13 * SheetLayout.Lines(tile.Note, ColumnWidth * ColumnsPerTile * 1.2));
    }
}
