using O2C.Analytics.Configuration;
using System.CommandLine;
using O2C.Analytics.Pipeline;
using O2C.Analytics.Storage;
using Spectre.Console;

namespace O2C.Cli.Commands;

public static class RefreshCommand
{
    public static Command Create()
    {
        var docs = new Option<string?>("--docs") { Description = "Write the models section of the data model (docs/data-model.md) from the model files' headers, and stop" };
        var noPredict = new Option<bool>("--no-predict") { Description = "Skip scoring open invoices (and training the first payment model)" };
        var full = new Option<bool>("--full") { Description = "Rebuild every month, not only those from the earliest fact changed since the last refresh" };
        var command = new Command("refresh", "Rebuild the SQL models, KPIs, control charts and analyst views from the loaded facts (the months a load changed), then score open invoices") { docs, noPredict, full };
        command.SetAction(parse =>
        {
            if (parse.GetValue(docs) is { } path)
            {
                File.WriteAllText(path, O2C.Analytics.SqlModels.ModelDocumentation.Replace(File.ReadAllText(path), SqlFolder.Default()));
                Console.WriteLine(Path.GetFullPath(path));
                return 0;
            }
            var settings = O2cSettings.Load();
            var steps = CommonOptions.Steps(parse, settings);
            using var warehouse = CommonOptions.OpenWarehouse(parse, settings);
            var scope = "";
            Progress.Status("Refreshing", status =>
                steps.Refresh(warehouse, DateOnly.FromDateTime(DateTime.Today), score: !parse.GetValue(noPredict),
                    status: s => { if (scope.Length == 0) scope = s; status(s); }, full: parse.GetValue(full)));
            var rows = warehouse.Scalar<long>("SELECT count(*) FROM kpi_values");
            AnsiConsole.MarkupLineInterpolated($"Refreshed: {scope}. {rows:N0} KPI values in the warehouse.");
            foreach (var missing in WarehouseRefresh.MissingRates(warehouse))
                ErrorOutput.Warning(missing);
            return 0;
        });
        return command;
    }
}
