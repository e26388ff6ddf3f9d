using System.IO.Compression;
using ClosedXML.Excel;
using O2C.Analytics.Metrics;
using O2C.Analytics.Render.Excel;
using O2C.Analytics.Reports.MonthlyPack;
using O2C.Analytics.Tests.Support;

namespace O2C.Analytics.Tests.Reports.MonthlyPack;

/// <summary>`o2c run` on the bundled sample, end to end; the pack re-opened and checked against the warehouse.</summary>
[Collection(SamplePackCollection.Name)]
public sealed class KpiPackWorkbookTests(SamplePackFixture run)
{
    private static readonly DateOnly October = new(2026, 10, 31);
    private static readonly List<DateOnly> Months = Enumerable.Range(0, 36).Select(i => new DateOnly(2023, 11, 1).AddMonths(i + 1).AddDays(-1)).ToList();
    private static readonly string[] Areas = KpiCatalog.All.Select(k => k.Area).Distinct().ToArray();

    [Fact]
    public void The_run_reports_the_latest_closed_month_with_predictions_and_sheets_in_the_documented_order()
    {
        Assert.Equal(October, run.Result.MonthEnd);
        Assert.Equal(Path.Combine(run.Folder, "reports", "o2c-kpi-pack-2026-10.xlsx"), run.Result.WorkbookPath);
        Assert.Equal(0, run.Result.UnconvertibleOpenItems);
        Assert.NotNull(run.Result.PredictionRunId);
        Assert.True(run.Result.InvoicesScored > 1000, $"{run.Result.InvoicesScored} open invoices scored");
        // Leadership's pack, and the analyst workbook beside it (named on the scorecard, not mailed).
        Assert.Equal(["Summary", "Cash and DSO", "Aging", "Top overdue", "Cash forecast", "Disputes and cash", "Scorecard", "Definitions"], run.Workbook.Worksheets.Select(w => w.Name));
        Assert.Equal(Path.Combine(run.Folder, "reports", "o2c-kpi-data-2026-10.xlsx"), run.Result.DataWorkbookPath);
        string[] data = ["KPI values", .. Areas.Select(AreaSheet.SheetName), "Aging detail", "Aged debtors", "Forecast & worklist", "Strategies", "Pilots", "Signals", "Definitions", "Data lineage"];
        Assert.Equal(data, run.DataWorkbook.Worksheets.Select(w => w.Name));
        Assert.Contains(run.Workbook.Worksheet(SummarySheet.Name).CellsUsed(), c => c.GetString().Contains("o2c-kpi-data-2026-10.xlsx", StringComparison.Ordinal));
    }

    /// <summary>
    /// Leadership's pack prints (LibreOffice, A4 as the sheets set it) on at most 10 pages: the detail lives in the
    /// analyst workbook. The pack printed 57 pages when both were one.
    /// </summary>
    [RenderFact]
    public void The_pack_prints_on_at_most_ten_pages()
    {
        var folder = Directory.CreateTempSubdirectory("o2c-render-").FullName;
        try
        {
            var (pdf, pages) = WorkbookRendering.Render(run.Result.WorkbookPath, folder);
            Assert.True(File.Exists(pdf));
            Assert.InRange(pages, 8, 10); // at least one page per sheet, the scorecard two
            // Full size: no sheet is fitted (shrunk) to its page, so the smallest font set (9 pt) is what prints.
            foreach (var sheet in run.Workbook.Worksheets)
            {
                // The print area holds every merged range whole: the summary's last column was cut off without it.
                var area = sheet.PageSetup.PrintAreas.Single().RangeAddress.LastAddress;
                Assert.All(sheet.MergedRanges, m => Assert.True(m.RangeAddress.LastAddress.ColumnNumber <= area.ColumnNumber,
                    $"{sheet.Name}: {m.RangeAddress} is cut at column {area.ColumnNumber}"));
                Assert.Equal(100, sheet.PageSetup.Scale);
                Assert.Equal(0, sheet.PageSetup.PagesWide);
                Assert.All(sheet.CellsUsed(), c => Assert.True(c.Style.Font.FontSize >= 9, $"{sheet.Name}!{c.Address} at {c.Style.Font.FontSize} pt"));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The analyst workbook holds every value the pack used to (issue 20): all of kpi_values up to the month.</summary>
    [Fact]
    public void The_analyst_workbook_holds_every_kpi_value_by_month_dimension_and_member()
    {
        var rows = run.DataWorkbook.Worksheet(KpiValuesSheet.Name).Table("KpiValues").DataRange.Rows().ToList();
        List<(string, string, string, string, double?)> expected;
        using (var w = run.OpenWarehouse())
            expected = w.Query("""
                SELECT period_end, kpi_id, dimension, member, CAST(value AS DOUBLE) FROM kpi_values
                WHERE period_end <= DATE '2026-10-31' ORDER BY period_end, kpi_id, dimension, member
                """, r => (r.GetFieldValue<DateOnly>(0).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), r.GetString(1), r.GetString(2),
                    r.GetString(3), r.IsDBNull(4) ? (double?)null : Math.Round(r.GetDouble(4), 6)));
        Assert.True(expected.Count > 10_000, $"{expected.Count} values");
        var actual = rows.Select(r => (r.Cell(1).GetDateTime().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), r.Cell(2).GetString(),
            r.Cell(6).GetString(), r.Cell(7).GetString(), r.Cell(10).IsEmpty() ? (double?)null : Math.Round(r.Cell(10).GetDouble(), 6))).ToList();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Scorecard_holds_every_kpi_with_the_computed_value_the_target_in_force_and_the_documented_rag()
    {
        List<KpiValue> values;
        IReadOnlyDictionary<string, KpiTarget> targets;
        using (var warehouse = run.OpenWarehouse())
        {
            values = KpiValueReader.Read(warehouse).ToList();
            targets = KpiPackReader.Targets(warehouse, October);
        }
        var sheet = run.Workbook.Worksheet(ScorecardSheet.Name);
        Assert.Equal(ScorecardSheet.Headers, Enumerable.Range(1, ScorecardSheet.Headers.Length).Select(c => sheet.Cell(ScorecardSheet.HeaderRow, c).GetString()));
        var rows = sheet.RowsUsed().Where(r => r.RowNumber() > ScorecardSheet.HeaderRow && !r.Cell(2).IsEmpty()).ToList();
        var byArea = Areas.SelectMany(a => KpiCatalog.All.Where(k => k.Area == a)).ToList();
        Assert.Equal(byArea.Select(ScorecardSheet.NameWithUnit), rows.Select(r => r.Cell(1).GetString()));
        var rated = 0;
        foreach (var (kpi, r) in byArea.Zip(rows))
        {
            decimal? Value(DateOnly m) => values.Single(v => v.KpiId == kpi.Id && v.PeriodEnd == m).Value;
            var actual = Value(October);
            var prior = Value(new DateOnly(2026, 9, 30));
            AssertNumber(actual, r.Cell(2));
            var target = targets.GetValueOrDefault(kpi.Id);
            AssertNumber(target?.Target, r.Cell(3));
            // The documented rule, worked by hand: shortfall = (actual - target) where lower is better, (target - actual)
            // otherwise; <= 0 green, <= tolerance amber, else red.
            var expected = "n/a";
            if (actual is { } a && target is not null)
            {
                var shortfall = kpi.Direction == KpiDirection.LowerIsBetter ? a - target.Target : target.Target - a;
                expected = shortfall <= 0 ? "Green" : shortfall <= (target.Tolerance ?? 0) ? "Amber" : "Red";
                rated++;
            }
            Assert.Equal(expected, r.Cell(4).GetString());
            Assert.Equal(ScorecardSheet.Colour(Enum.TryParse<Rag>(expected, out var rag) ? rag : Rag.NotRated), r.Cell(4).Style.Fill.BackgroundColor);
            // The change: an arrow, the figure in the KPI's unit, green when it is good news for the KPI.
            // (A change that rounds to nothing as printed is neither: ► in grey.)
            if (actual is { } now && prior is { } before && Math.Round(now - before, kpi.Unit switch { "amount" => 0, "times" => 2, _ => 1 }) != 0)
            {
                var text = r.Cell(5).GetString();
                Assert.StartsWith(now > before ? "\u25B2" : "\u25BC", text);
                var good = now > before == (kpi.Direction == KpiDirection.HigherIsBetter);
                Assert.Equal(good ? SummarySheet.GoodColour : SummarySheet.BadColour, r.Cell(5).Style.Font.FontColor);
                Assert.EndsWith(kpi.Unit switch { "days" => " days", "%" => " pts", _ => "" }, text.Split(" (")[0]);
            }
            AssertNumber(Value(new DateOnly(2025, 10, 31)), r.Cell(6));
            Assert.Equal(12, r.Cell(7).GetString().Length);
        }
        Assert.True(rated >= 25, $"{rated} KPIs rated");
        // The DSO row reads the same as the company's DSO of October.
        Assert.Equal(Math.Round(values.Single(v => v.KpiId == "dso" && v.PeriodEnd == October).Value!.Value, 4), rows[0].Cell(2).GetValue<decimal>());
        // Amounts print scaled, without cents; the exact value stays in the cell.
        var cash = rows.Single(r => r.Cell(1).GetString() == "Cash collected");
        Assert.Equal("#,##0.0,,\" M\";-#,##0.0,,\" M\"", cash.Cell(2).Style.NumberFormat.Format);
        Assert.Equal(XLPageOrientation.Landscape, sheet.PageSetup.PageOrientation);
        // Signals in words, never rule numbers.
        Assert.All(rows, r => Assert.DoesNotContain("rule", r.Cell(8).GetString(), StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Cell(8).GetString().Contains("normal range", StringComparison.Ordinal) || r.Cell(8).GetString().Contains("usual level", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_area_sheet_has_its_kpis_for_all_36_months_by_dimension_and_a_control_chart_each()
    {
        List<KpiValue> values;
        using (var warehouse = run.OpenWarehouse()) values = KpiValueReader.ReadAll(warehouse).Where(v => v.PeriodEnd <= October).ToList();
        foreach (var area in Areas)
        {
            var kpis = KpiCatalog.All.Where(k => k.Area == area).ToList();
            var sheet = run.DataWorkbook.Worksheet(AreaSheet.SheetName(area));
            var header = AreaSheet.MonthHeaderRow;
            Assert.Equal("Month", sheet.Cell(header, 1).GetString());
            for (var i = 0; i < Months.Count; i++)
            {
                var monthCell = sheet.Cell(header + 1 + i, 1);
                Assert.Equal(Months[i].ToDateTime(TimeOnly.MinValue), monthCell.GetDateTime());
                Assert.Equal("yyyy-mm", monthCell.Style.NumberFormat.Format);
                for (var k = 0; k < kpis.Count; k++)
                {
                    Assert.StartsWith(kpis[k].Name, sheet.Cell(header, 2 + k).GetString());
                    AssertNumber(values.Single(v => v.KpiId == kpis[k].Id && v.Dimension == "company" && v.PeriodEnd == Months[i]).Value, sheet.Cell(header + 1 + i, 2 + k));
                }
            }
            // By dimension: every member's October value of every KPI of the area.
            var table = sheet.Table(AreaSheet.TableName(area, "ByDimension"));
            var members = values.Where(v => v.PeriodEnd == October && v.Dimension != "company" && kpis.Any(k => k.Id == v.KpiId))
                .Select(v => (v.Dimension, v.Member)).Distinct().Count();
            Assert.Equal(members, table.DataRange.RowCount());
            foreach (var row in table.DataRange.Rows())
            {
                var dimension = row.Cell(1).GetString().Replace(' ', '_');
                var member = row.Cell(2).GetString();
                for (var k = 0; k < kpis.Count; k++)
                {
                    var value = values.SingleOrDefault(v => v.KpiId == kpis[k].Id && v.PeriodEnd == October && v.Dimension == dimension && v.Member == member);
                    if (value is null) Assert.True(row.Cell(3 + k).IsEmpty());
                    else AssertNumber(value.Value, row.Cell(3 + k));
                }
            }
            Assert.Equal(kpis.Count, sheet.Pictures.Count);
            Assert.True(sheet.Table(AreaSheet.TableName(area, "ByMonth")).ShowAutoFilter);
        }
        // The first two months cannot have a 3-month DSO; every later month has one.
        var receivables = run.DataWorkbook.Worksheet("Receivables");
        Assert.Equal("n/a", receivables.Cell(AreaSheet.MonthHeaderRow + 1, 2).GetString());
        Assert.All(Enumerable.Range(3, 34), i => Assert.InRange(receivables.Cell(AreaSheet.MonthHeaderRow + i, 2).GetValue<decimal>(), 20m, 120m));
    }

    [Fact]
    public void Aging_adds_up_to_total_open_ar_by_month_and_by_segment_and_region()
    {
        List<KpiValue> totals;
        using (var warehouse = run.OpenWarehouse()) totals = KpiValueReader.Read(warehouse).Where(v => v.KpiId == "total_open_ar").ToList();
        var sheet = run.DataWorkbook.Worksheet(AgingSheet.Name);
        var byMonth = sheet.Table("AgingByMonth");
        Assert.Equal(36, byMonth.DataRange.RowCount());
        foreach (var row in byMonth.DataRange.Rows())
        {
            var month = DateOnly.FromDateTime(row.Cell(1).GetDateTime());
            var buckets = Enumerable.Range(2, 7).Sum(c => row.Cell(c).GetValue<decimal>());
            var total = row.Cell(9).GetValue<decimal>();
            Assert.Equal(total, buckets);
            Assert.Equal(totals.Single(v => v.PeriodEnd == month).Value, total);
            Assert.Equal(1m, Enumerable.Range(10, 7).Sum(c => row.Cell(c).GetValue<decimal>()), 6);
            Assert.Equal(SheetLayout.AmountFormat, row.Cell(2).Style.NumberFormat.Format);
            Assert.Equal(SheetLayout.PercentFormat, row.Cell(10).Style.NumberFormat.Format);
        }
        var october = totals.Single(v => v.PeriodEnd == October).Value;
        var byDimension = sheet.Table("AgingByDimension").DataRange.Rows().ToList();
        foreach (var dimension in new[] { "segment", "region" })
            Assert.Equal(october, byDimension.Where(r => r.Cell(1).GetString() == dimension).Sum(r => r.Cell(10).GetValue<decimal>()));

        // Aged debtors: 1,000 customers and one line for the rest, adding up to the same total.
        var debtors = run.DataWorkbook.Worksheet(AgedDebtorsSheet.Name).Table("AgedDebtors").DataRange.Rows().ToList();
        Assert.Equal(AgedDebtorsSheet.TopCustomers + 1, debtors.Count);
        Assert.StartsWith("All other ", debtors[^1].Cell(3).GetString());
        Assert.Equal(october, debtors.Sum(r => r.Cell(14).GetValue<decimal>()));
    }

    /// <summary>
    /// The Aging page's roll-forward ties: opening (30 Sep) + issued + credit memos + cash + write-offs + revaluation =
    /// closing (31 Oct), and the two ends are the company's total open AR of those month ends in kpi_values.
    /// </summary>
    [Fact]
    public void The_roll_forward_runs_from_septembers_open_ar_to_octobers()
    {
        var rows = run.Workbook.Worksheet(AgingPage.Name).Table("RollForward").DataRange.Rows().ToList();
        Assert.Equal(7, rows.Count);
        var amounts = rows.Select(r => r.Cell(2).GetValue<decimal>()).ToList();
        Assert.Equal(amounts[6], amounts.Take(6).Sum());
        List<KpiValue> totals;
        using (var warehouse = run.OpenWarehouse()) totals = KpiValueReader.Read(warehouse).Where(v => v.KpiId == "total_open_ar").ToList();
        Assert.Equal(totals.Single(v => v.PeriodEnd == new DateOnly(2026, 9, 30)).Value, amounts[0]);
        Assert.Equal(totals.Single(v => v.PeriodEnd == October).Value, amounts[6]);
        Assert.Equal("Cash applied", rows[3].Cell(1).GetString());
        Assert.True(amounts[3] < 0 && amounts[1] > 0, "cash reduces AR, invoices add to it");
        // Revaluation is small beside the month's movements: the month's flows are converted at the closing rate.
        Assert.True(Math.Abs(amounts[5]) < 0.02m * amounts[0], $"revaluation {amounts[5]} on opening {amounts[0]}");
    }

    [Fact]
    public void A_customer_named_like_a_formula_is_literal_text_that_excel_never_evaluates()
    {
        const string name = "=HYPERLINK(\"http://x\",\"y\")";
        var debtors = run.DataWorkbook.Worksheet(AgedDebtorsSheet.Name);
        var cell = debtors.CellsUsed().Single(c => c.GetString() == name);
        Assert.False(cell.HasFormula);
        Assert.Equal(XLDataType.Text, cell.DataType);
        Assert.True(cell.Style.IncludeQuotePrefix);

        // And in the files themselves: no formula anywhere in either workbook, the name stored as a shared string.
        foreach (var path in new[] { run.Result.WorkbookPath, run.Result.DataWorkbookPath! })
        {
            using var file = ZipFile.OpenRead(path);
            foreach (var entry in file.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)))
            {
                using var reader = new StreamReader(entry.Open());
                Assert.DoesNotMatch(@"<(x:)?f[ >]", reader.ReadToEnd());
            }
        }
        using var zip = ZipFile.OpenRead(run.Result.DataWorkbookPath!);
        using var strings = new StreamReader(zip.GetEntry("xl/sharedStrings.xml")!.Open());
        Assert.Contains("=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)", strings.ReadToEnd().Replace("\"", "&quot;", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Top_overdue_lists_the_15_largest_past_due_customers_with_owner_share_covered_and_next_action()
    {
        var table = run.Workbook.Worksheet(TopOverdueSheet.Name).Table("TopOverdue");
        var rows = table.DataRange.Rows().ToList();
        Assert.Equal(15, rows.Count);
        int Column(string field) => TopOverdueSheet.Columns.Select(c => c.Field).ToList().IndexOf(field) + 1;
        var pastDue = rows.Select(r => r.Cell(Column("past_due_amount")).GetValue<decimal>()).ToList();
        Assert.Equal(pastDue.OrderByDescending(x => x), pastDue);
        decimal largest, total;
        using (var warehouse = run.OpenWarehouse())
        {
            const string perCustomer = """
                SELECT sum(open_amount_rc) AS s FROM fct_ar_snapshot_monthly
                WHERE month_end = DATE '2026-10-31' AND is_past_due AND open_amount_rc > 0 GROUP BY customer_id
                """;
            largest = warehouse.Scalar<decimal>($"SELECT max(s) FROM ({perCustomer})");
            total = warehouse.Scalar<decimal>($"SELECT sum(s) FROM ({perCustomer})");
        }
        Assert.Equal(largest, pastDue[0]);
        // Share covered: the running total of past due over all customers' past due.
        var running = 0m;
        foreach (var (row, amount) in rows.Zip(pastDue))
        {
            running += amount;
            Assert.Equal((double)(running / total), row.Cell(Column("share_covered")).GetDouble(), 6);
        }
        Assert.All(rows, r => Assert.StartsWith("BPO ", r.Cell(Column("owner")).GetString().Replace("In-house", "BPO ", StringComparison.Ordinal)));
        Assert.All(rows, r => Assert.Matches("^(call back|chase|escalate|call|await|keep chasing)", r.Cell(Column("next_action")).GetString()));
        // The rules' order: a broken promise comes before anything else.
        Assert.All(rows.Where(r => r.Cell(Column("promise_status")).GetString() == "broken"), r => Assert.StartsWith("call back: promise of ", r.Cell(Column("next_action")).GetString()));
        Assert.All(rows.Where(r => r.Cell(Column("promise_status")).GetString() != "broken" && r.Cell(Column("open_disputes")).GetValue<int>() > 0),
            r => Assert.StartsWith("chase ", r.Cell(Column("next_action")).GetString()));
        Assert.Contains(rows, r => r.Cell(Column("promise_status")).GetString() is "open" or "kept" or "broken");
    }

    [Fact]
    public void Forecast_and_worklist_come_from_the_predictions_made_for_the_day_after_the_month()
    {
        var sheet = run.DataWorkbook.Worksheet(ForecastWorklistSheet.Name);
        var weeks = sheet.Table("CashForecast").DataRange.Rows().ToList();
        Assert.Equal(13, weeks.Count);
        Assert.Equal(new DateTime(2026, 11, 1), weeks[0].Cell(2).GetDateTime());
        // Read back from the warehouse, the forecast is labelled as it was made: 36 months of history speak for
        // weeks 14-26, so what is left is the allowance, not "later".
        var labels = sheet.Column(1).CellsUsed().Select(c => c.GetString()).ToList();
        Assert.Contains("  expected as cash in weeks 14-26", labels);
        Assert.DoesNotContain(labels, l => l.Contains("history speaks for", StringComparison.Ordinal));
        // Expected = from open AR + from new billing; the band is positive wherever cash is expected.
        Assert.All(weeks, w => Assert.Equal(w.Cell(3).GetValue<decimal>() + w.Cell(4).GetValue<decimal>(), w.Cell(5).GetValue<decimal>()));
        Assert.All(weeks, w => Assert.True(w.Cell(6).GetValue<decimal>() > 0 && w.Cell(6).GetValue<decimal>() <= w.Cell(7).GetValue<decimal>()));
        var worklist = sheet.Table("Worklist").DataRange.Rows().ToList();
        Assert.Equal(50, worklist.Count);
        // Invoices with a next step come first, each group by expected loss.
        var steps = worklist.Select(r => r.Cell(14).GetString() != "").ToList();
        Assert.Equal(steps.OrderByDescending(x => x), steps);
        var withStep = worklist.Where(r => r.Cell(14).GetString() != "").Select(r => r.Cell(12).GetValue<decimal>()).ToList();
        Assert.Equal(withStep.OrderByDescending(x => x), withStep);
        using var warehouse = run.OpenWarehouse();
        Assert.Equal(warehouse.Scalar<decimal>("SELECT max(allowance_rc) FROM cash_forecast_items WHERE as_of = DATE '2026-11-01'"), withStep[0]);
    }

    [Fact]
    public void Signals_sheet_lists_every_signal_of_the_month()
    {
        long signals;
        using (var warehouse = run.OpenWarehouse())
            signals = warehouse.Scalar<long>("SELECT count(*) FROM spc_signals WHERE period_end = DATE '2026-10-31'");
        var rows = run.DataWorkbook.Worksheet(SignalsSheet.Name).Table("Signals").DataRange.Rows().ToList();
        Assert.Equal(signals, rows.Count);
        Assert.True(signals > 0);
        Assert.All(rows, r => Assert.Contains(r.Cell(5).GetString(), new[] { "up", "down" }));
        // The sample's story: the SMB segment, paying later since February, still signals in October.
        Assert.Contains(rows, r => r.Cell(1).GetString() == "Average days delinquent" && r.Cell(2).GetString() == "segment" && r.Cell(3).GetString() == "SMB");
    }

    [Fact]
    public void Definitions_and_lineage_match_the_catalogue_and_the_load_ledger()
    {
        var definitions = run.DataWorkbook.Worksheet(DefinitionsSheet.Name).Table("KpiDefinitions").DataRange.Rows().ToList();
        Assert.Equal(KpiCatalog.All.Select(k => k.Id), definitions.Select(r => r.Cell(1).GetString()));
        Assert.Equal(KpiCatalog.All.Select(k => k.Formula), definitions.Select(r => r.Cell(4).GetString()));

        List<(string File, string Sha, long Loaded, long Rejected)> ledger;
        long rowsInTables;
        using (var warehouse = run.OpenWarehouse())
        {
            ledger = warehouse.Query("SELECT file_name, sha256, rows_loaded, rows_rejected FROM load_files ORDER BY entity, file_name",
                r => (r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3)));
            var entities = warehouse.Query("SELECT DISTINCT entity FROM load_files", r => r.GetString(0));
            // Rows cash matching wrote (applications, deductions) come from its runs, logged in cash_match_decisions.
            rowsInTables = entities.Sum(e => warehouse.Scalar<long>($"SELECT count(*) FROM {e} WHERE source_file NOT LIKE 'o2c-cash-matching-run-%'"));
        }
        var sheet = run.DataWorkbook.Worksheet(LineageSheet.Name);
        var rows = sheet.Table("SourceFiles").DataRange.Rows().ToList();
        Assert.Equal(16 + 6, ledger.Count); // the sample's 16 files and the 6 bank statements' staged receipts
        Assert.Equal(ledger, rows.Select(r => (r.Cell(2).GetString(), r.Cell(3).GetString(), r.Cell(9).GetValue<long>(), r.Cell(10).GetValue<long>())));
        // Nothing lost, nothing doubled: the rows the lineage says were loaded are the rows in the warehouse.
        Assert.Equal(rowsInTables, rows.Sum(r => r.Cell(9).GetValue<long>()));
        Assert.All(rows, r => Assert.Equal(64, r.Cell(3).GetString().Length));
        Assert.StartsWith("schema ", sheet.Cell(8, 2).GetString());
        Assert.Equal("Program version", sheet.Cell(6, 1).GetString());
        Assert.False(string.IsNullOrWhiteSpace(sheet.Cell(6, 2).GetString()));
    }

    [Fact]
    public void The_lineage_sheet_shows_the_audit_log_newest_first_and_its_chain_check()
    {
        List<(long Id, string Action, string Detail)> entries;
        using (var warehouse = run.OpenWarehouse())
            // The entries when the pack was written (mail tests of this collection add theirs later).
            entries = warehouse.Query("SELECT entry_id, action, detail FROM audit_log WHERE entry_id <= 4 ORDER BY entry_id DESC",
                r => (r.GetInt64(0), r.GetString(1), r.GetString(2)));
        // The run loaded the sample, then its bank statements, trained the first payment model and scored the open
        // invoices, in that order.
        Assert.Equal(["predictions_scored", "model_trained", "load", "load"], entries.Select(e => e.Action));
        Assert.StartsWith("load 1 from ", entries[3].Detail);
        Assert.Contains("16 file(s), 16 changed", entries[3].Detail);
        Assert.StartsWith("load 2 from ", entries[2].Detail);

        var sheet = run.DataWorkbook.Worksheet(LineageSheet.Name);
        var rows = sheet.Table("AuditLog").DataRange.Rows().ToList();
        Assert.Equal(entries, rows.Select(r => (r.Cell(6).GetValue<long>(), r.Cell(2).GetString(), r.Cell(3).GetString())));
        Assert.Equal("Audit log", sheet.Cell(11, 1).GetString());
        Assert.Equal("intact: 4 entries, each hash chained to the one before", sheet.Cell(11, 2).GetString());
    }

    [Fact]
    public void Control_chart_images_are_written_beside_the_pack()
    {
        Assert.Equal(KpiCatalog.All.Count + 1, run.Result.Charts.Count);
        Assert.All(run.Result.Charts, c => Assert.StartsWith(Path.Combine(run.Folder, "reports", "charts", "2026-10"), c));
        using var dso = SkiaSharp.SKBitmap.Decode(run.Result.Charts.Single(c => Path.GetFileName(c) == "dso.png"));
        Assert.Equal((900, 420), (dso.Width, dso.Height));
        using var grid = SkiaSharp.SKBitmap.Decode(run.Result.Charts.Single(c => c.EndsWith("all-kpis.png", StringComparison.Ordinal)));
        Assert.Equal((6 * 360, (KpiCatalog.All.Count + 5) / 6 * 220), (grid.Width, grid.Height)); // six panels a row
    }

    private static void AssertNumber(decimal? expected, IXLCell cell)
    {
        if (expected is { } v) Assert.Equal(Math.Round(v, 4), cell.GetValue<decimal>());
        else Assert.Equal("n/a", cell.GetString());
    }
}
