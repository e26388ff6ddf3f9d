using ClosedXML.Excel;
using O2C.Analytics.Render.Excel;
using O2C.Analytics.Reports.Summary;

namespace O2C.Analytics.Reports.MonthlyPack;

/// <summary>
/// The pack's forecast page: last month's 13-week forecast against what came in so far, the new forecast with its
/// P10-P90 band, where today's open AR is expected to go, and how accurate the forecast has been. The weekly tables
/// and the collection worklist are the analyst workbook's (<see cref="ForecastWorklistSheet"/>). Company-wide packs only.
/// </summary>
public static class ForecastPage
{
    public const string Name = "Cash forecast";
    public const int PageColumns = 12;

    public static void Write(XLWorkbook workbook, KpiPack pack)
    {
        if (pack.Forecast is not { } stored) return;
        var forecast = stored.Forecast;
        var ws = SheetLayout.Add(workbook, Name, $"Cash forecast from {forecast.AsOf:d MMMM yyyy}, and last month's against actual",
            $"Weekly receipts in {pack.ReportingCurrency} M. Made {stored.MadeAt:yyyy-MM-dd} from facts dated before {forecast.AsOf:yyyy-MM-dd}: " +
            $"{Forecast.CashForecaster.MethodInBrief}. Accuracy: {HeadlineTiles.Accuracy(pack)}.");
        static double M(decimal v) => (double)(v / 1_000_000m);
        if (stored.Previous is { } previous && previous.Weeks.Any(w => w.Actual is not null))
        {
            var labels = previous.Weeks.Select(w => w.WeekStart.ToString("d MMM", System.Globalization.CultureInfo.InvariantCulture)).ToList();
            var chart = PackCharts.Lines($"Forecast of {previous.AsOf:d MMM} against actual", labels,
            [
                new ChartSeries("forecast", previous.Weeks.Select(w => M(w.Expected)).ToArray(), ScottPlot.Colors.SteelBlue),
                new ChartSeries("P10-P90", previous.Weeks.Select(w => M(w.Low)).ToArray(), ScottPlot.Colors.LightSteelBlue, Dashed: true),
                new ChartSeries("", previous.Weeks.Select(w => M(w.High)).ToArray(), ScottPlot.Colors.LightSteelBlue, Dashed: true),
            ], barsBehind: [new ChartSeries("actual", previous.Weeks.Select(w => w.Actual is { } a ? M(a) : double.NaN).ToArray(), ScottPlot.Color.FromHex("#A9D18E"))]);
            ws.AddPicture(new MemoryStream(chart), "previous").MoveTo(ws.Cell(5, 1)).WithSize(PackCharts.Width, PackCharts.Height);
        }
        else ws.Cell(5, 1).SetValue("No forecast was stored a month ago to compare with.");
        var weeks = forecast.Weeks.Select(w => w.WeekStart.ToString("d MMM", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var next = PackCharts.Lines($"Next 13 weeks from {forecast.AsOf:d MMM}", weeks,
        [
            new ChartSeries("P10-P90", forecast.Weeks.Select(w => M(w.Low)).ToArray(), ScottPlot.Colors.LightSteelBlue, Dashed: true),
            new ChartSeries("", forecast.Weeks.Select(w => M(w.High)).ToArray(), ScottPlot.Colors.LightSteelBlue, Dashed: true),
        ], barsBehind:
        [
            new ChartSeries("expected", forecast.Weeks.Select(w => M(w.Expected)).ToArray(), ScottPlot.Colors.SteelBlue),
        ]);
        ws.AddPicture(new MemoryStream(next), "next").MoveTo(ws.Cell(5, 1), PackCharts.Width + 12, 0).WithSize(PackCharts.Width, PackCharts.Height);

        var row = 22;
        SheetLayout.Heading(ws, row++, $"Where the open AR of {forecast.AsOf:d MMMM} goes");
        foreach (var (label, amount) in forecast.OpenArDisposition().Concat([
            ("Receipts expected from billing not yet issued, weeks 1-13", forecast.ExpectedFromNewBillings),
            ("Expected receipts, weeks 1-13", forecast.Expected)]))
        {
            ws.Cell(row, 1).SetValue(label);
            ws.Cell(row, 6).SetValue(amount);
            ws.Cell(row, 6).Style.NumberFormat.Format = SheetLayout.ScaledAmountFormatFor(amount);
            if (!label.StartsWith(' ')) ws.Range(row, 1, row, 6).Style.Font.SetBold();
            row++;
        }
        if (forecast.UnconvertibleItems > 0)
            ws.Cell(row, 1).SetValue($"{forecast.UnconvertibleItems:N0} open items in currencies without a rate: not valued, not in these figures.");
        for (var c = 1; c <= PageColumns; c++) ws.Column(c).Width = 10;
        SheetLayout.Print(ws, 0);
    }
}
