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
        var command = new Command("refresh", "Rebuild the SQL models, KPIs, control charts and analyst views from the loaded facts, then score open invoices") { docs, noPredict };
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
            Progress.Status("Refreshing", status =>
                steps.Refresh(warehouse, DateOnly.FromDateTime(DateTime.Today), score: !parse.GetValue(noPredict), status: status));
            var rows = warehouse.Scalar<long>("SELECT count(*) FROM kpi_values");
            AnsiConsole.MarkupLineInterpolated($"Models rebuilt; {rows:N0} KPI values computed.");
            foreach (var missing in WarehouseRefresh.MissingRates(warehouse))
                ErrorOutput.Warning(missing);
            return 0;
        });
        return command;
    }
}
