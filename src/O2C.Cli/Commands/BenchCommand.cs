using System.CommandLine;
using System.Globalization;
using O2C.Analytics.Bench;
using O2C.Analytics.Storage;

namespace O2C.Cli.Commands;

public static class BenchCommand
{
    public static Command Create()
    {
        var invoices = new Option<long>("--invoices") { Description = "Size of the data set in invoices (36 months); generated once and reused", DefaultValueFactory = _ => 1_000_000 };
        var work = new Option<string>("--work") { Description = "Folder for the generated data, the warehouse and the report", DefaultValueFactory = _ => "bench" };
        var command = new Command("bench", "Time every stage of the pipeline at a given size against DuckDB alone on the same files (docs/performance.md)") { invoices, work };
        command.SetAction(parse =>
        {
            var folder = Path.GetFullPath(parse.GetValue(work)!);
            Directory.CreateDirectory(folder);
            var report = PipelineBenchmark.Run(parse.GetValue(invoices), folder, SqlFolder.Default(),
                line => Console.Error.WriteLine($"{DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} {line}"));
            var markdown = report.Markdown();
            Console.WriteLine(markdown);
            var path = Path.Combine(folder, $"bench-{report.Invoices}.md");
            File.WriteAllText(path, markdown);
            Console.WriteLine(path);
            return 0;
        });
        return command;
    }
}
