using O2C.Analytics.Render.Excel;
using O2C.Analytics.Metrics;
using O2C.Analytics.Predict;
using O2C.Analytics.Spc;

namespace O2C.Analytics.Reports.MonthlyPack;

/// <summary>Everything the monthly KPI pack shows, read from the warehouse before rendering.</summary>
public sealed record KpiPack(
    DateOnly MonthEnd,
    string ReportingCurrency,
    IReadOnlyList<KpiDefinition> Kpis,
    IReadOnlyList<DateOnly> Months,
    IReadOnlyList<KpiValue> CompanyValues,
    DateTime GeneratedAtUtc,
    IReadOnlyDictionary<string, KpiTarget>? Targets = null,
    IReadOnlyDictionary<string, string>? Signals = null)
{
    /// <summary>Whose pack: <see cref="CompanyValues"/> are this scope's values (the company's unless scoped).</summary>
    public PackScope Scope { get; init; } = PackScope.Company;

    /// <summary>The company's name (o2c.json CompanyName), in every page's header.</summary>
    public string? Company { get; init; }

    /// <summary>Candidates for the summary's attention list (sql/reports/attention_items.sql), in the pack's scope.</summary>
    public IReadOnlyList<Summary.AttentionCandidate> AttentionCandidates { get; init; } = [];

    /// <summary>The month's values for every dimension member other than the company (company-wide packs only).</summary>
    public IReadOnlyList<KpiValue> DimensionValues { get; init; } = [];

    /// <summary>The prior month's values by member: what the summary compares with to name a change's driver.</summary>
    public IReadOnlyList<KpiValue> PriorDimensionValues { get; init; } = [];

    /// <summary>The company-wide control charts up to the month, as the last refresh stored them.</summary>
    public IReadOnlyList<ControlChart> Charts { get; init; } = [];

    /// <summary>Every KPI value by month, dimension and member up to the month: the analyst workbook's.</summary>
    public ReportTable? AllKpiValues { get; init; }

    public ReportTable? AgingByMonth { get; init; }
    public ReportTable? AgingByDimension { get; init; }
    public ReportTable? AgedDebtors { get; init; }
    public ReportTable? TopOverdue { get; init; }
    /// <summary>How AR moved in the month: opening, issued, credited, cash, written off, revaluation, closing.</summary>
    public ReportTable? RollForward { get; init; }
    public ReportTable? SignalList { get; init; }
    public ReportTable? Lineage { get; init; }
    /// <summary>The latest audit log entries and the result of checking the log's hash chain.</summary>
    public ReportTable? AuditTrail { get; init; }
    public string? AuditChain { get; init; }
    public ReportTable? Worklist { get; init; }
    public StoredForecast? Forecast { get; init; }
    /// <summary>The latest stored backtest's forecast accuracy, when one was run (o2c predict backtest).</summary>
    public ForecastBacktestAccuracy? ForecastBacktest { get; init; }
    public PackProvenance? Provenance { get; init; }
    /// <summary>The collection-strategy pilots whose groups are drawn, as of the month end (company packs only).</summary>
    public IReadOnlyList<Pilots.PilotReport> Pilots { get; init; } = [];
    /// <summary>The standing collection strategy of each score band and those pilots try (collection_strategies).</summary>
    public ReportTable? Strategies { get; init; }

    /// <summary>The pilots with a result by the month end, in one sentence each: the summary's and the mail's.</summary>
    public IReadOnlyList<string> PilotLines => Pilots.Select(Summary.PilotSummary.Line).OfType<string>().ToList();

    public KpiTarget? Target(string kpiId) => Targets?.GetValueOrDefault(kpiId);

    /// <summary>The month's alerting control-chart signal of a KPI that is bad news, in words ("above its normal range this month").</summary>
    public string? Signal(string kpiId) => Signals?.GetValueOrDefault(kpiId);

    public KpiValue? Value(string kpiId, DateOnly monthEnd) =>
        CompanyValues.FirstOrDefault(v => v.KpiId == kpiId && v.PeriodEnd == monthEnd);

    public ControlChart? Chart(string kpiId) => Charts.FirstOrDefault(c => c.Kpi.Id == kpiId);

    /// <summary>Every KPI's headline for the month, in catalogue order: what the Scorecard and the mail show.</summary>
    public IEnumerable<ScorecardLine> Scorecard() => Kpis.Select(kpi =>
    {
        var actual = Value(kpi.Id, MonthEnd)?.Value;
        var target = Target(kpi.Id);
        return new ScorecardLine(kpi, actual, Value(kpi.Id, MonthEndOffset(-1))?.Value, target,
            RagStatus.Of(kpi.Direction, actual, target?.Target, target?.Tolerance));
    });

    /// <summary>The last <paramref name="count"/> month ends up to the pack's, oldest first: what a trend chart or table spans.</summary>
    public IReadOnlyList<DateOnly> LastMonthEnds(int count) => Enumerable.Range(-(count - 1), count).Select(MonthEndOffset).ToList();

    /// <summary>The company aging row (aging_by_month.sql) of a month end, or null when there is none.</summary>
    public object?[]? AgingRow(DateOnly monthEnd)
    {
        if (AgingByMonth is not { } aging) return null;
        var column = aging.IndexOf("month_end");
        return aging.Rows.FirstOrDefault(r => r[column] is DateOnly d && d == monthEnd || r[column] is DateTime t && DateOnly.FromDateTime(t) == monthEnd);
    }

    /// <summary>
    /// A KPI's parts by member of a dimension in the prior month and this one (numerator and denominator; a member
    /// missing in one month has none there): what KpiChangeDrivers weighs to name a change's driver.
    /// </summary>
    public IReadOnlyList<Summary.MemberParts> MemberParts(string kpiId, string dimension)
    {
        var now = DimensionValues.Where(v => v.KpiId == kpiId && v.Dimension == dimension).ToDictionary(v => v.Member);
        var before = PriorDimensionValues.Where(v => v.KpiId == kpiId && v.Dimension == dimension).ToDictionary(v => v.Member);
        return now.Keys.Union(before.Keys).Order(StringComparer.Ordinal).Select(m => new Summary.MemberParts(m,
            before.GetValueOrDefault(m)?.Numerator, before.GetValueOrDefault(m)?.Denominator,
            now.GetValueOrDefault(m)?.Numerator, now.GetValueOrDefault(m)?.Denominator)).ToList();
    }

    /// <summary>The month end <paramref name="months"/> months from the pack's month (-1: the prior month).</summary>
    public DateOnly MonthEndOffset(int months) =>
        new DateOnly(MonthEnd.Year, MonthEnd.Month, 1).AddMonths(months + 1).AddDays(-1);
}

/// <summary>A KPI's month on the scorecard: actual, prior month, target in force and RAG status.</summary>
public sealed record ScorecardLine(KpiDefinition Kpi, decimal? Actual, decimal? Prior, KpiTarget? Target, Rag Rag)
{
    public decimal? Change => Actual - Prior;
}

/// <summary>The mean weekly error (WAPE) of the forecast of receipts from open AR in weeks 1-4, and its baseline's, over a backtest's cut-offs.</summary>
public sealed record ForecastBacktestAccuracy(int CutOffs, double Wape4Weeks, double BaselineWape4Weeks);

/// <summary>What the pack was made from and by: for the Data lineage sheet.</summary>
public sealed record PackProvenance(string ProgramVersion, string WarehouseVersion, string DuckDbVersion, string WarehouseFile, DateTime? LastLoadAt, long? PredictionRunId);
