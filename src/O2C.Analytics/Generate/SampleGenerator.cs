using System.Diagnostics;
using O2C.Analytics.Load;
using O2C.Analytics.Pilots;
using O2C.Analytics.Pipeline;
using O2C.Analytics.SqlModels;
using O2C.Analytics.Storage;

namespace O2C.Analytics.Generate;

/// <summary>
/// <c>o2c generate</c>: a deterministic, realistic O2C history for a seed, streamed customer by customer so
/// that memory stays flat however many invoices are written.
/// </summary>
public static class SampleGenerator
{
    public const string ReportingCurrency = "USD";

    public static GeneratorSummary Run(GeneratorOptions options, IProgress<(int Done, int Total)>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var pilot = SamplePilot.For(options);
        var pilotCustomers = pilot is null ? new Dictionary<string, (decimal, decimal)>() : DrawPilot(options, pilot);
        var rows = Write(options, pilot, pilotCustomers, progress);
        return new GeneratorSummary(options.OutputFolder, rows, clock.Elapsed);
    }

    /// <summary>
    /// The pilot's group as the product draws it (PilotAssignment) from the scores at the month end before the start:
    /// the same history written without the pilot's effect to a scratch folder, loaded, its models built, the pilot
    /// drawn. The effect changes nothing before the start (each invoice draws from its own stream, and only invoices
    /// issued from the start are paid sooner), so `o2c refresh` draws the same customers from the sample itself.
    /// With each pilot customer: its days to pay over the months measured in that history without the effect (the
    /// pilot's own measure, as of the cut-off), the counterfactual the truth file keeps, so that the effect the sample
    /// carries is known exactly, weekly payment runs and all.
    /// </summary>
    private static Dictionary<string, (decimal AmountDays, decimal Amount)> DrawPilot(GeneratorOptions options, SamplePilot pilot)
    {
        var scratch = Directory.CreateTempSubdirectory("o2c-pilot-draw-");
        try
        {
            var data = Path.Combine(scratch.FullName, "data");
            // Every payment as the ERP's receipts and applications: the measure counts the bank feed's days as paid,
            // as `o2c run` does once cash matching has applied them.
            Write(options with { OutputFolder = data, Gzip = false, BankFeed = false }, pilot, new Dictionary<string, (decimal, decimal)>(), null);
            using var warehouse = Warehouse.Open(Path.Combine(scratch.FullName, "draw.duckdb"));
            var sql = SqlFolder.Default();
            MigrationRunner.Apply(warehouse, Migration.ReadAll(sql.Migrations));
            new CanonicalLoader(warehouse).LoadFolder(data);
            WarehouseRefresh.SetReportingCurrency(warehouse, ReportingCurrency);
            ModelBuilder.Build(warehouse, sql);
            // drawn as a refresh the day after the history's last day would draw it
            PilotAssignment.DrawDue(warehouse, sql, new DateTimeOffset(options.CutOff.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
            Analyst.AnalystViews.Create(warehouse, sql); // open_items_as_of(), which the measure reads
            PilotEvaluation.DefineAsOf(warehouse, options.CutOff);
            var measure = PilotMetric.All.Single(m => m.Id == "days_to_pay").Parts(sql);
            return warehouse.Query($"""
                WITH parts AS ({measure})
                SELECT a.customer_id, coalesce(sum(p.numerator), 0), coalesce(sum(p.denominator), 0)
                FROM pilot_assignments a
                LEFT JOIN parts p ON p.customer_id = a.customer_id AND p.period_end >= $start AND p.period_end < $after
                WHERE a.pilot_id = $pilot AND a.arm = 'pilot'
                GROUP BY ALL
                """, r => (Id: r.GetString(0), Parts: (r.GetDecimal(1), r.GetDecimal(2))),
                ("pilot", pilot.PilotId), ("start", pilot.Start), ("after", pilot.Start.AddMonths(pilot.PostMonths)))
                .ToDictionary(c => c.Id, c => c.Parts, StringComparer.Ordinal);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static List<(string Entity, long Rows)> Write(GeneratorOptions options, SamplePilot? pilot, IReadOnlyDictionary<string, (decimal AmountDays, decimal Amount)> pilotCustomers,
        IProgress<(int Done, int Total)>? progress)
    {
        var calendar = BusinessCalendar.UsFederal(options.FirstMonth.Year - 1, options.CutOff.Year + 1);
        var numbers = new DocumentNumbers();
        var operations = new SampleOperations(options, calendar);
        var feed = options.BankFeedStart is { } start ? new SampleBankFeed(options.OutputFolder, options.Seed, start, options.Gzip) : null;
        using var files = new SampleFiles(options.OutputFolder, options.Gzip, openingItems: options.OpeningMonths > 0, feed);
        WriteHolidays(files, calendar, options);
        WriteFxRates(files, options);
        WriteTargets(files, options);
        WritePilot(files, pilot);
        foreach (var e in operations.Events)
            files.ServiceEvents.Text(e.Id).Text(e.Kind).Date(e.Start).Date(e.End).Text(e.Team).Text(e.Note).End();
        for (var i = 1; i <= options.Customers; i++)
        {
            var rng = SampleRandom.For(options.Seed, i);
            var customer = CustomerFactory.Create(i, rng, options.Story);
            WriteCustomer(files, customer, options);
            var inPilot = pilotCustomers.TryGetValue(customer.CustomerId, out var without) && pilot is not null;
            if (inPilot)
                files.TruthPilot.Text(pilot!.PilotId).Text(customer.CustomerId).Date(pilot.Start).Integer(pilot.EffectDays)
                    .Number(without.AmountDays, "0.######").Number(without.Amount, "0.######").End();
            new CustomerHistory(customer, options, calendar, numbers, files, rng, operations, inPilot ? pilot : null).Generate();
            if (i % 500 == 0 || i == options.Customers) progress?.Report((i, options.Customers));
        }
        var counts = files.Counts.ToList();
        if (feed is not null) counts.Add(("bank statement files", feed.WriteStatements(options.CutOff)));
        return counts;
    }

    /// <summary>The bands' standing strategies, and the pilot (none when the history is too short for one).</summary>
    private static void WritePilot(SampleFiles files, SamplePilot? pilot)
    {
        foreach (var s in SamplePilot.Strategies)
        {
            files.CollectionStrategies.Text(s.Id).Text(s.Band).Text(s.Channel).Integer(s.FirstContact).Integer(s.Cadence);
            (s.CallAfter is { } call ? files.CollectionStrategies.Integer(call) : files.CollectionStrategies.Text(null)).Text(s.Description).End();
        }
        if (pilot is null) return;
        files.Pilots.Text(pilot.PilotId).Text(pilot.StrategyId).Date(pilot.Start).Number(pilot.Share, "0.####").Integer(pilot.Seed)
            .Text(pilot.Bands).Integer(pilot.PreMonths).Integer(pilot.PostMonths)
            .Text("Bands C to E: half get a courtesy call 3 days before the due date; the other half are the control group").End();
    }

    private static void WriteCustomer(SampleFiles files, CustomerProfile c, GeneratorOptions options)
    {
        files.Customers.Text(c.CustomerId).Text(c.Name).Text(c.Segment).Text(c.Region).Text(c.CountryCode).Text(c.Currency)
            .Integer(c.TermsDays).Money(c.CreditLimit).Text(c.RiskClass).Text(c.Collector).Text(c.BpoTeam).Flag(c.EInvoicing).End();
        files.BankFeed?.WritePayer(c);
        files.TruthProfiles.Text(c.CustomerId).Text(c.Behaviour.ToString())
            .Date(c.Deteriorates ? options.Story.DeteriorationStart : null)
            .Flag(c.BatchPayer).Number((decimal)c.DisputeRate, "0.0000").End();
    }

    private static void WriteHolidays(SampleFiles files, BusinessCalendar calendar, GeneratorOptions options)
    {
        foreach (var (date, name) in calendar.Holidays)
            files.Holidays.Date(date).Text(name).End();
    }

    /// <summary>Daily (business-day) rates to USD: a random walk with a little drift per currency.</summary>
    private static void WriteFxRates(SampleFiles files, GeneratorOptions options)
    {
        var rng = SampleRandom.For(options.Seed, -1);
        string[] currencies = ["EUR", "GBP", "CAD", "JPY", "AUD"];
        var level = currencies.ToDictionary(c => c, CustomerFactory.UsdPer);
        // From a month before the opening items' first month: each converts at the rate of its own date.
        for (var d = options.FirstMonth.AddMonths(-1 - options.OpeningMonths); d <= options.CutOff; d = d.AddDays(1))
        {
            if (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) continue;
            foreach (var c in currencies)
            {
                level[c] *= Math.Exp(rng.Normal(0, 0.004));
                files.FxRates.Date(d).Text(c).Text(ReportingCurrency).Number(Math.Round((decimal)level[c], 8), "0.########").End();
            }
        }
    }

    /// <summary>
    /// The sample company's own targets where it set one; elsewhere the catalogue's defaults, from the benchmarks in
    /// the KPI reference (docs/kpis.md).
    /// </summary>
    private static readonly Dictionary<string, decimal> CompanyTargets = new()
    {
        // On-time payment: the catalogue's 80 % is top-quartile; this company aims above the typical 60-70 % (CRF).
        ["on_time_rate_count"] = 65m,
        ["on_time_rate_value"] = 70m,
    };

    private static void WriteTargets(SampleFiles files, GeneratorOptions options)
    {
        // Tolerance: a tenth of the target, at least one unit of the KPI.
        foreach (var kpi in Metrics.KpiCatalog.All)
            if ((CompanyTargets.TryGetValue(kpi.Id, out var own) ? own : kpi.DefaultTarget) is { } target)
                files.KpiTargets.Text(kpi.Id).Date(options.FirstMonth).Number(target, "0.####")
                    .Number(Math.Max(1m, Math.Round(target / 10m, 1)), "0.####").End();
    }
}

public sealed record GeneratorSummary(string Folder, IReadOnlyList<(string Entity, long Rows)> Rows, TimeSpan Elapsed);
