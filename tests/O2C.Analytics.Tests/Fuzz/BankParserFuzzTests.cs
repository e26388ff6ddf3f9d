using System.Text;
using CsCheck;
using O2C.Analytics.Extract.Bank;
using O2C.Analytics.Extract.Bank.Bai2;
using O2C.Analytics.Extract.Bank.Camt053;
using O2C.Analytics.Extract.Bank.Mt940;
using O2C.Analytics.Tests.Support;
using Xunit.Abstractions;

namespace O2C.Analytics.Tests.Fuzz;

/// <summary>
/// Property-based fuzzing of the statement parsers over mutated real files (../shared/bankfiles): whatever the bytes,
/// a parser returns a statement or refuses the file with one BankFormatException line; any other exception, or a
/// parse still running after 10 s (a watchdog for endless loops, far above the milliseconds a parse takes), is a
/// finding that CsCheck shrinks to the smallest edit list and reports with its seed.
/// </summary>
public sealed class BankParserFuzzTests(ITestOutputHelper output)
{
    [SharedDataFact]
    public void Bai2() => Fuzz("bai2", "*.txt", bytes => Bai2Reader.Parse("fuzz.txt", Lines(bytes)));

    [SharedDataFact]
    public void Mt940() => Fuzz("mt940", "*.sta", bytes => Mt940Reader.Parse("fuzz.sta", Lines(bytes)));

    [SharedDataFact]
    public void Camt053() => Fuzz("camt053", "*.xml", bytes => Camt053Reader.Parse("fuzz.xml", new MemoryStream(bytes)));

    private void Fuzz(string format, string pattern, Func<byte[], BankStatementFile> parse)
    {
        var seeds = Directory.GetFiles(Path.Combine(RepoPaths.Shared!, "bankfiles", format), pattern).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
        Assert.NotEmpty(seeds);
        long executions = 0, refused = 0;
        var iterations = FuzzBudget.Iterations(3000);
        Mutation.Of(seeds.Count).Sample(input =>
        {
            var bytes = Mutation.Apply(seeds[input.Seed], input.Edits);
            Interlocked.Increment(ref executions);
            // A thread of its own (not the pool's, which the rest of the suite keeps busy): the 10 s are the parser's.
            var run = Task.Factory.StartNew(() =>
            {
                try
                {
                    var statement = parse(bytes);
                    Assert.NotNull(statement);
                }
                catch (BankFormatException e)
                {
                    Assert.DoesNotContain('\n', e.Message);
                    Interlocked.Increment(ref refused);
                }
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            if (!run.Wait(TimeSpan.FromSeconds(10))) throw new TimeoutException($"{format} parser still running after 10 s");
            run.GetAwaiter().GetResult();
        }, iter: iterations);
        output.WriteLine($"{format}: {executions:N0} executions, {refused:N0} refused with one line, {executions - refused:N0} parsed");
        FuzzBudget.Report(format, executions, refused, executions - refused);
    }

    /// <summary>As File.ReadAllLines(path, UTF-8) reads a file: invalid bytes become U+FFFD, any line ending splits.</summary>
    private static string[] Lines(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line) lines.Add(line);
        return [.. lines];
    }
}
