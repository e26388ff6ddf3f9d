using O2C.Analytics.Configuration;
using System.CommandLine;
using O2C.Analytics.Analyst;
using Spectre.Console;

namespace O2C.Cli.Commands;

public static class SqlCommand
{
    public static Command Create()
    {
        var query = new Argument<string?>("query") { Description = "SQL to run; '-' or nothing reads standard input", Arity = ArgumentArity.ZeroOrOne };
        var file = new Option<string?>("--file") { Description = "Read the SQL from this file" };
        var format = new Option<string>("--format") { Description = "table | csv | json | parquet | xlsx", DefaultValueFactory = _ => "table" };
        var output = new Option<string?>("--out") { Description = "Write the result to this file (required for parquet and xlsx)" };
        var wait = new Option<int>("--wait") { Description = "Seconds to wait while a job is writing the warehouse", DefaultValueFactory = _ => 30 };
        var nullText = new Option<string?>("--null") { Description = "How NULL prints (default: NULL in a table, an empty field in CSV, where an empty string prints as \"\")" };
        var maxRows = new Option<int>("--max-rows") { Description = "Rows a table shows, the first and last halves (0 = all); CSV, JSON and files always have every row", DefaultValueFactory = _ => 40 };
        var command = new Command("sql", "Ad hoc SQL on a read-only connection to the warehouse (views for analysts: docs/analyst-guide.md)")
        {
            query, file, format, output, wait, nullText, maxRows,
        };
        command.SetAction(parse =>
        {
            var settings = O2cSettings.Load();
            var text = parse.GetValue(file) is { } path ? File.ReadAllText(path)
                : parse.GetValue(query) is { } q && q != "-" ? q
                : Console.In.ReadToEnd();
            if (string.IsNullOrWhiteSpace(text))
            {
                ErrorOutput.Line("no SQL given (an argument, --file or standard input)");
                return 2;
            }
            var kind = parse.GetValue(format)!.ToLowerInvariant();
            var target = parse.GetValue(output);
            if (kind == "table" && target is not null)
            {
                ErrorOutput.Line("--out writes csv, json, parquet or xlsx; give --format too (a table prints to the terminal)");
                return 2;
            }
            if (parse.GetValue(wait) < 0)
            {
                ErrorOutput.Line($"--wait must be 0 seconds or more, not {parse.GetValue(wait)}");
                return 2;
            }
            if (kind is "parquet" or "xlsx" && target is null)
            {
                ErrorOutput.Line($"--format {kind} needs --out FILE");
                return 2;
            }
            var scratch = Directory.CreateTempSubdirectory("o2c-sql-");
            try
            {
                var warehousePath = CommonOptions.WarehousePath(parse, settings);
                // The output file is checked before the query runs: never a warehouse or a file the pipeline owns.
                var paths = settings.Paths(warehousePath);
                var outFile = target is null ? null : AnalystOutputFile.Check(target, [warehousePath, settings.Warehouse, "o2c.json"],
                    [settings.DataFolder, "models" /* before payment-models/ */, paths.PaymentModels, paths.ChartsRoot, paths.Outbox, paths.Outgoing], publishedReports: settings.ReportsFolder);
                using var warehouse = AnalystSql.OpenReadOnly(warehousePath, TimeSpan.FromSeconds(parse.GetValue(wait)),
                    message => Console.Error.WriteLine(message));
                AnalystSql.LockDown(warehouse, kind == "parquet" ? scratch.FullName : null);
                if (kind == "parquet")
                {
                    AnalystSql.ToParquet(warehouse, text, scratch.FullName, outFile!);
                    Console.WriteLine(outFile!.FullPath);
                    return 0;
                }
                var results = AnalystSql.RunAll(warehouse, text);
                var formatting = new QueryFormatting(settings.Clock.Zone, parse.GetValue(nullText) ?? (kind == "table" ? "NULL" : ""));
                // Every statement's result, in order: CSV blocks and JSON arrays one after another, a sheet each in xlsx.
                switch (kind)
                {
                    case "csv": Emit(string.Join("\n", results.Select(r => QueryOutput.Csv(r, formatting))), outFile); break;
                    case "json": Emit(string.Concat(results.Select(r => QueryOutput.Json(r, formatting))), outFile); break;
                    case "xlsx": outFile!.Write(partial => QueryOutput.Xlsx(results, partial, formatting)); Console.WriteLine(outFile.FullPath); break;
                    case "table":
                        if (parse.GetValue(maxRows) < 0)
                        {
                            ErrorOutput.Line($"--max-rows must be 0 (all rows) or more, not {parse.GetValue(maxRows)}");
                            return O2C.Analytics.ExitCodes.Usage;
                        }
                        foreach (var result in results) QueryTable.Write(result, formatting, parse.GetValue(maxRows));
                        break;
                    default:
                        ErrorOutput.Line($"--format must be table, csv, json, parquet or xlsx, not {kind}");
                        return 2;
                }
                return 0;
            }
            catch (AnalystSqlException e)
            {
                ErrorOutput.Line(e.Message);
                return e.ExitCode;
            }
            finally
            {
                scratch.Delete(recursive: true);
            }
        });
        return command;
    }

    private static void Emit(string text, AnalystOutputFile? file)
    {
        if (file is null) Console.Write(text);
        else
        {
            file.Write(partial => File.WriteAllText(partial, text));
            Console.WriteLine(file.FullPath);
        }
    }
}
