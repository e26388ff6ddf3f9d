using O2C.Analytics.Spc;
using O2C.Analytics.Render.Excel;
using ClosedXML.Excel;
using O2C.Analytics.Metrics;

namespace O2C.Analytics.Reports.MonthlyPack;

/// <summary>Every control-chart signal of the month, company-wide and by dimension member, with rule and direction.</summary>
public static class SignalsSheet
{
    public const string Name = "Signals";
    public const int HeaderRow = 4;

    public static readonly IReadOnlyList<ReportColumn> Columns =
    [
        new("kpi_id", "KPI", ColumnKind.Text, 34),
        new("dimension", "Dimension", ColumnKind.Text, 11),
        new("member", "Member", ColumnKind.SourceText, 16),
        new("rule", "Rule", ColumnKind.Text, 26),
        new("direction", "Direction", ColumnKind.Text, 9),
        new("meaning", "Good or bad", ColumnKind.Text, 8),
        new("alerting", "Alerting", ColumnKind.Text, 8),
        new("chart", "Chart", ColumnKind.Text, 6),
        new("value", "Value charted", ColumnKind.Number, 13),
        new("centre", "Centre", ColumnKind.Number, 13),
        new("lower_limit", "Lower limit", ColumnKind.Number, 13),
        new("upper_limit", "Upper limit", ColumnKind.Number, 13),
    ];

    public static void Write(XLWorkbook workbook, KpiPack pack)
    {
        var ws = SheetLayout.Add(workbook, Name, $"Control-chart signals: {pack.MonthEnd:MMMM yyyy}",
            $"Rules (docs/spc.md): {string.Join("; ", Spc.RunRules.BeyondThreeSigma, Spc.RunRules.TwoOfThreeBeyondTwoSigma, Spc.RunRules.FourOfFiveBeyondOneSigma, Spc.RunRules.NineOnOneSide, Spc.RunRules.SixTrending)}. Alerting: rule 1 always, the others on XmR charts only.");
        var names = KpiCatalog.All.ToDictionary(k => k.Id, k => k.Name);
        var source = pack.SignalList ?? ReportTable.Empty(Columns);
        // Show the KPI's name, not its id.
        var rows = source.Rows.Select(r => r.Select((v, i) => i == 0 && v is string id ? names.GetValueOrDefault(id, id) : v).ToArray()).ToList();
        TableWriter.Write(ws, HeaderRow, 1, source with { Rows = rows }, "Signals");
        ws.SheetView.FreezeRows(HeaderRow);
        SheetLayout.Print(ws, HeaderRow);
    }
}
