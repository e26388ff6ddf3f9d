using ClosedXML.Excel;
using O2C.Analytics.Render.Excel;

namespace O2C.Analytics.Reports.MonthlyPack;

/// <summary>Analyst workbook, Strategies: the standing collection strategy of each customer score band, and those pilots try (collection_strategies).</summary>
public static class StrategiesSheet
{
    public const string Name = "Strategies";
    public const int HeaderRow = 4;

    public static readonly IReadOnlyList<ReportColumn> Columns =
    [
        new("strategy_id", "Strategy", ColumnKind.SourceText, 18),
        new("score_band", "Band", ColumnKind.SourceText, 7),
        new("channel", "Channel", ColumnKind.SourceText, 9),
        new("first_contact_days", "First contact", ColumnKind.Count, 12),
        new("cadence_days", "Cadence", ColumnKind.Count, 9),
        new("call_after_days", "Call at", ColumnKind.Count, 9),
        new("description", "What collectors do", ColumnKind.SourceText, 90),
    ];

    public static void Write(XLWorkbook workbook, KpiPack pack)
    {
        var ws = SheetLayout.Add(workbook, Name, $"Collection strategies: {pack.MonthEnd:MMMM yyyy}",
            "The standing strategy of each customer score band (A pays best), then those only pilots try. First contact: days from the due date (negative: before it); cadence: days between contacts while unpaid; call at: days past due. docs/customer-score.md.");
        TableWriter.Write(ws, HeaderRow, 1, pack.Strategies ?? ReportTable.Empty(Columns), "Strategies");
        SheetLayout.Print(ws, HeaderRow);
    }
}
