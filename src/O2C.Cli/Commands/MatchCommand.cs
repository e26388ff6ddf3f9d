using O2C.Analytics.Configuration;
using System.CommandLine;
using System.Globalization;
using O2C.Analytics.CashApplication;
using O2C.Analytics.Storage;
using Spectre.Console;

namespace O2C.Cli.Commands;

public static class MatchCommand
{
    public static Command Create()
    {
        var threshold = new Option<decimal>("--threshold")
        {
            Description = "Apply matches scoring at least this (0-1); the rest go to the exception queue",
            DefaultValueFactory = _ => 0.90m,
        };
        var bankFee = new Option<string[]>("--bank-fee")
        {
            Description = "The most a bank may keep of a payment in a currency, written off as its charge: CUR=AMOUNT, e.g. EUR=25 (repeat per currency; defaults in docs/cash-application.md)",
            AllowMultipleArgumentsPerToken = true,
        };
        bankFee.Validators.Add(result =>
        {
            foreach (var value in result.Tokens.Select(t => t.Value))
                if (BankFee(value) is null)
                    result.AddError($"--bank-fee {value}: write a currency code, '=', and an amount of zero or more, e.g. EUR=25");
        });
        var command = new Command("match", "Match unapplied receipts to open invoices; apply confident matches, queue the rest") { threshold, bankFee, Apply(), Evaluate() };
        command.SetAction(parse =>
        {
            var settings = O2cSettings.Load();
            using var warehouse = CommonOptions.OpenWarehouse(parse, settings);
            var fees = new Dictionary<string, decimal>(CashMatchOptions.DefaultBankFeeTolerance, StringComparer.Ordinal);
            foreach (var (currency, amount) in (parse.GetValue(bankFee) ?? []).Select(v => BankFee(v)!.Value)) fees[currency] = amount;
            var options = new CashMatchOptions(DateOnly.FromDateTime(DateTime.Today), parse.GetValue(threshold)) { BankFeeTolerance = fees };
            var result = Progress.Status("Matching cash", _ => new CashMatcher(warehouse).Run(options));
            Print(result);
            return 0;
        });
        return command;
    }

    /// <summary>
    /// `o2c match evaluate`: generate the remittance study, match it in a warehouse of its own and judge every decision
    /// against the generator's truth (docs/cash-application.md, "How well it works").
    /// </summary>
    private static Command Evaluate()
    {
        var output = new Option<string>("--out") { Description = "Folder for the study's files and warehouse (emptied first)", DefaultValueFactory = _ => "remittance-study" };
        var customers = new Option<int>("--customers") { Description = "Customers in the study", DefaultValueFactory = _ => 400 };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed writes the same statements", DefaultValueFactory = _ => 24 };
        var threshold = new Option<decimal>("--threshold") { Description = "Apply matches scoring at least this", DefaultValueFactory = _ => 0.90m };
        var report = new Option<string?>("--report") { Description = "Also write the tables as Markdown to this file" };
        customers.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 20 or > 100_000) r.AddError("--customers: between 20 and 100,000"); });
        var command = new Command("evaluate", "Generate bank statements written the ways payers remit, match them, and measure precision, coverage and score calibration against the truth")
            { output, customers, seed, threshold, report };
        command.SetAction(parse =>
        {
            var result = Progress.Status("Generating, loading and matching the study",
                _ => MatchEvaluation.Run(Path.GetFullPath(parse.GetValue(output)!), parse.GetValue(customers), parse.GetValue(seed), parse.GetValue(threshold)));
            var markdown = MatchEvaluationReport.Markdown(result);
            AnsiConsole.WriteLine(markdown);
            if (parse.GetValue(report) is { } path) File.WriteAllText(path, markdown);
            return 0;
        });
        return command;
    }

    private static (string Currency, decimal Amount)? BankFee(string value)
    {
        var parts = value.Split('=', 2);
        return parts.Length == 2 && parts[0].Trim().Length == 3 && parts[0].Trim().All(char.IsAsciiLetter)
            && decimal.TryParse(parts[1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            ? (parts[0].Trim().ToUpperInvariant(), amount) : null;
    }

    /// <summary>
    /// `o2c match apply --receipt R --document D [--document D2]`: a person applies an exception; the payer's account
    /// and name become aliases of the customer for its next receipts (docs/cash-application.md).
    /// </summary>
    private static Command Apply()
    {
        var receipt = new Option<string>("--receipt") { Description = "The receipt to apply (cash_match_exceptions.receipt_id)", Required = true };
        var documents = new Option<string[]>("--document")
        {
            Description = "A document it pays, in full (repeat for several)", Required = true, AllowMultipleArgumentsPerToken = true,
        };
        var by = new Option<string>("--by") { Description = "Who decides (recorded in the audit log)", DefaultValueFactory = _ => Environment.UserName };
        var command = new Command("apply", "Apply a receipt by hand to documents of one customer; the payer's account and name are learned for its next receipts")
            { receipt, documents, by };
        command.SetAction(parse =>
        {
            var settings = O2cSettings.Load();
            using var warehouse = CommonOptions.OpenWarehouse(parse, settings);
            var decision = new ManualApplication(warehouse).Apply(parse.GetValue(receipt)!, parse.GetValue(documents)!, parse.GetValue(by)!,
                DateOnly.FromDateTime(DateTime.Today));
            AnsiConsole.MarkupLineInterpolated($"decision {decision.RunId}: {parse.GetValue(receipt)} applied to {string.Join(", ", parse.GetValue(documents)!)}.");
            foreach (var lesson in decision.Learned)
                AnsiConsole.MarkupLineInterpolated($"  learned: {lesson}");
            AnsiConsole.MarkupLine("Run [bold]o2c refresh[/] for the KPIs to see it.");
            return 0;
        });
        return command;
    }

    public static void Print(CashMatchResult r)
    {
        AnsiConsole.MarkupLineInterpolated(
            $"run {r.RunId}: {r.ReceiptsConsidered:N0} receipts to match; {r.AutoApplied:N0} applied automatically ({string.Join(", ", r.AppliedByCurrency.Select(c => $"{c.Value.ToString("N2", CultureInfo.InvariantCulture)} {c.Key}"))}), {r.Deductions:N0} deductions opened, {r.Exceptions:N0} to the exception queue (cash_match_exceptions).");
        foreach (var (rule, count) in r.AutoAppliedByRule.OrderByDescending(x => x.Value))
            AnsiConsole.MarkupLineInterpolated($"  {rule}: {count:N0}");
    }
}
