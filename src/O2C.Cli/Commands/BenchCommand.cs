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
        var dayOnly = new Option<bool>("--day-only") { Description = "Time only the incremental day, from the warehouse a full run kept before it (compare changes in minutes)" };
        var repeat = new Option<int>("--repeat") { Description = "With --day-only: how many times to run the day, each from a fresh copy", DefaultValueFactory = _ => 1 };
        var command = new Command("bench", "Time every stage of the pipeline at a given size against DuckDB alone on the same files (docs/performance.md)") { invoices, work, dayOnly, repeat };
        command.SetAction(parse =>
        {
            var folder = Path.GetFullPath(parse.GetValue(work)!);
            Directory.CreateDirectory(folder);
            if (parse.GetValue(dayOnly))
            {
                if (parse.GetValue(repeat) is < 1 or > 100) throw new ArgumentException("--repeat must be between 1 and 100");
                var days = PipelineBenchmark.RunDayOnly(parse.GetValue(invoices), folder, SqlFolder.Default(),
                    line => Console.Error.WriteLine($"{DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} {line}"), parse.GetValue(repeat));
                foreach (var day in days) Console.WriteLine(day.Markdown());
                return 0;
            }
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
