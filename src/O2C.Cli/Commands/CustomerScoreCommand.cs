using System.CommandLine;
using System.Globalization;
using O2C.Analytics;
using O2C.Analytics.Analyst;
using O2C.Analytics.Configuration;
using O2C.Analytics.CustomerScore;
using O2C.Analytics.Pipeline;
using O2C.Analytics.Storage;
using Spectre.Console;

namespace O2C.Cli.Commands;

/// <summary>
/// `o2c customer-score`: the customers by score band at a month end; `--customer C000007` why one has its score;
/// `--validate` how well the score ranked what happened next, month by month (docs/customer-score.md).
/// </summary>
public static class CustomerScoreCommand
{
    public static Command Create()
    {
        var month = MonthOption.Create("Month, yyyy-MM (default: the latest closed month)");
        var customer = new Option<string?>("--customer") { Description = "One customer: each factor's value, bin and points, adding up to its score" };
        var validate = new Option<bool>("--validate") { Description = "The score against what happened next: AUC and Gini for a 90-day-forward delinquency by month end, and each band's delinquency" };
        var overDays = new Option<int>("--over-days") { Description = "With --validate: delinquent means an item more than this many days past due (default 30)", DefaultValueFactory = _ => CustomerScoreValidation.DelinquentAfterDays };
        overDays.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 0 or > 365) r.AddError("--over-days must be 0 to 365"); });
        var fitUntil = MonthOption.Create("Fit the scorecard's points on the month ends up to this month (yyyy-MM) and print them beside the points it has now (docs/customer-score.md)", "--fit-until");
        var command = new Command("customer-score", "Customer payment-behaviour scores (0-100, bands A-E) at a month end, why a customer has its score, and how well the score ranks what happened next")
        {
            month, customer, validate, overDays, fitUntil,
        };
        command.SetAction(parse =>
        {
            var settings = O2cSettings.Load();
            using var warehouse = AnalystSql.OpenReadOnly(CommonOptions.WarehousePath(parse, settings), TimeSpan.FromSeconds(30));
            var sql = SqlFolder.Default();
            if (parse.GetValue(validate)) return Validation(warehouse, sql, parse.GetValue(overDays));
            if (MonthOption.Parse(parse.GetValue(fitUntil)) is { } until) return Calibration(warehouse, until.End);
            var monthEnd = (MonthOption.Parse(parse.GetValue(month)) ?? ReportingPeriod.LatestClosedMonth(warehouse, DateOnly.FromDateTime(DateTime.Today))).End;
            return parse.GetValue(customer) is { } id ? Explanation(warehouse, id, monthEnd) : Bands(warehouse, sql, monthEnd);
        });
        return command;
    }

    private static string P(double? share) => share is { } s ? s.ToString("0.0%", CultureInfo.InvariantCulture) : "";
    private static string N(decimal amount) => amount.ToString("#,##0", CultureInfo.InvariantCulture);

    private static int Bands(Warehouse warehouse, SqlFolder sql, DateOnly monthEnd)
    {
        var bands = ScoreBandAtMonth.Read(warehouse, sql, monthEnd);
        if (bands.Count == 0)
        {
            ErrorOutput.Line($"no customer scores at {monthEnd:yyyy-MM-dd}: refresh the warehouse (o2c refresh), or pick a month with facts (--month)");
            return ExitCodes.Incomplete;
        }
        var table = new Table().Title($"customers by score band at {monthEnd:yyyy-MM-dd}").AddColumn("band")
            .AddColumn(new TableColumn("customers").RightAligned()).AddColumn(new TableColumn("AR").RightAligned())
            .AddColumn(new TableColumn("past due").RightAligned()).AddColumn(new TableColumn("past due %").RightAligned())
            .AddColumn(new TableColumn("delinquent next 90 days, before").RightAligned());
        foreach (var b in bands)
            table.AddRow(b.Band, b.Customers.ToString("N0", CultureInfo.InvariantCulture), N(b.ArRc), N(b.PastDueArRc),
                P(b.ArRc == 0 ? null : (double)(b.PastDueArRc / b.ArRc)), P(b.EarlierDelinquentShare));
        AnsiConsole.Write(table);
        Console.WriteLine("Bands: A 80-100, B 65-79, C 50-64, D 35-49, E 0-34. Why one customer: o2c customer-score --customer ID");
        return 0;
    }

    private static int Explanation(Warehouse warehouse, string customerId, DateOnly monthEnd)
    {
        if (CustomerScoreExplanation.Read(warehouse, customerId, monthEnd) is not { } e)
        {
            ErrorOutput.Line($"customer '{customerId}' has no score at {monthEnd:yyyy-MM-dd}: no such customer, or nothing open or settled by then (--month picks another)");
            return ExitCodes.Incomplete;
        }
        AnsiConsole.MarkupLineInterpolated($"[bold]{e.CustomerId}[/] at {e.MonthEnd:yyyy-MM-dd}: score [bold]{e.Score}[/] of 100, band [bold]{e.Band}[/]");
        var table = new Table().AddColumn("factor").AddColumn(new TableColumn("value").RightAligned()).AddColumn("bin")
            .AddColumn(new TableColumn("points").RightAligned()).AddColumn(new TableColumn("of").RightAligned()).AddColumn("meaning");
        foreach (var f in e.Factors)
            table.AddRow(f.Factor.Column, f.Value is not { } v ? "none" : f.Factor.IsShare ? v.ToString("0.0%", CultureInfo.InvariantCulture) : v.ToString("0.#", CultureInfo.InvariantCulture),
                Markup.Escape(f.Bin), f.Points.ToString(CultureInfo.InvariantCulture), f.MostPoints.ToString(CultureInfo.InvariantCulture), Markup.Escape(f.Factor.Meaning));
        table.AddRow("[bold]score[/]", "", "", $"[bold]{e.Factors.Sum(f => f.Points)}[/]", e.Factors.Sum(f => f.MostPoints).ToString(CultureInfo.InvariantCulture), "");
        AnsiConsole.Write(table);
        return 0;
    }

    private static int Calibration(Warehouse warehouse, DateOnly until)
    {
        var fitted = ScorecardCalibration.Fit(warehouse, until);
        var table = new Table().Title($"the scorecard fitted on the month ends to {until:yyyy-MM-dd} against a delinquency in the 90 days after")
            .AddColumn("factor").AddColumn("bin").AddColumn(new TableColumn("customer-months").RightAligned()).AddColumn(new TableColumn("delinquent").RightAligned())
            .AddColumn(new TableColumn("weight of evidence").RightAligned()).AddColumn(new TableColumn("fitted points").RightAligned()).AddColumn(new TableColumn("points now").RightAligned());
        foreach (var b in fitted)
            table.AddRow(b.Factor, Markup.Escape(b.Bin), b.CustomerMonths.ToString("N0", CultureInfo.InvariantCulture),
                b.CustomerMonths == 0 ? "" : P((double)b.Delinquent / b.CustomerMonths), b.WeightOfEvidence?.ToString("0.000", CultureInfo.InvariantCulture) ?? "",
                b.FittedPoints?.ToString(CultureInfo.InvariantCulture) ?? "(none seen)", b.CurrentPoints.ToString(CultureInfo.InvariantCulture));
        AnsiConsole.Write(table);
        Console.WriteLine("The points now are in sql/models/intermediate/int_customer_scorecard.sql; change them there, then o2c refresh --full.");
        return 0;
    }

    private static int Validation(Warehouse warehouse, SqlFolder sql, int overDays)
    {
        var rankings = CustomerScoreValidation.Rankings(warehouse, sql, overDays);
        if (rankings.Count == 0)
        {
            ErrorOutput.Line("no month end has three month ends after it in the warehouse yet: nothing to validate the score against");
            return ExitCodes.Incomplete;
        }
        var table = new Table().Title($"the score against a delinquency in the 90 days after each month end (an item more than {overDays} days past due at one of the next 3 month ends that was not at this one)")
            .AddColumn("month end").AddColumn(new TableColumn("customers").RightAligned()).AddColumn(new TableColumn("delinquent").RightAligned())
            .AddColumn(new TableColumn("AUC").RightAligned()).AddColumn(new TableColumn("Gini").RightAligned());
        foreach (var r in rankings)
            table.AddRow(r.MonthEnd is { } m ? m.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "[bold]all[/]", r.CustomerMonths.ToString("N0", CultureInfo.InvariantCulture),
                P(r.DelinquentShare), r.Auc?.ToString("0.000", CultureInfo.InvariantCulture) ?? "", r.Gini?.ToString("0.000", CultureInfo.InvariantCulture) ?? "");
        AnsiConsole.Write(table);
        var bands = new Table().AddColumn("band").AddColumn(new TableColumn("scores").RightAligned()).AddColumn(new TableColumn("customer-months").RightAligned())
            .AddColumn(new TableColumn("delinquent").RightAligned());
        foreach (var b in CustomerScoreValidation.Bands(warehouse, sql, overDays))
            bands.AddRow(b.Band, $"{b.LowestScore}-{b.HighestScore}", b.CustomerMonths.ToString("N0", CultureInfo.InvariantCulture), P(b.DelinquentShare));
        AnsiConsole.Write(bands);
        return 0;
    }
}
