// The SQL mutation check (issue 25; docs/testing.md): every comparison of a date, a threshold or a bucket edge in
// sql/models, sql/kpis and sql/sla is mutated one at a time (<= to <, < to <=, >= to >, > to >=; and each month-end
// join key prior_month_end to month_end), and the tests that read the mutated file, directly or through the models
// built on it, are run against the mutant. A mutant no test fails survives. Not in CI: it takes hours.
//
//   dotnet run scripts/sql-mutations.cs [--only <path part>] [--results <tsv>] [--again]
//
// Results go to artifacts/sql-mutations.tsv as they come (a second run skips mutants already judged there), the score
// and the survivors to the console. The mutant is written into the test build's copy of the SQL (bin/.../sql), never
// into sql/ itself, so a crash leaves the sources as they were (the build's copy is restored after each run).
using System.Diagnostics;
using System.Text.RegularExpressions;

var root = Directory.GetCurrentDirectory();
var only = Arg("--only");
var results = Arg("--results") ?? Path.Combine(root, "artifacts", "sql-mutations.tsv");
Directory.CreateDirectory(Path.GetDirectoryName(results)!);
var bin = Path.Combine(root, "tests", "O2C.Analytics.Tests", "bin", "Release", "net10.0");
if (Run("dotnet", "build tests/O2C.Analytics.Tests -c Release -v q") != 0) { Console.Error.WriteLine("the test build failed"); return 2; }

string[] folders = ["sql/models", "sql/kpis", "sql/sla"];
var files = folders.SelectMany(f => Directory.EnumerateFiles(Path.Combine(root, f), "*.sql", SearchOption.AllDirectories)).Order(StringComparer.Ordinal).ToList();
var stems = files.ToDictionary(f => f, f => Path.GetFileNameWithoutExtension(f));
// Which files read which: a file reads another when it names it (a model by its table name, a KPI by its id).
var readers = files.ToDictionary(f => stems[f], f => files.Where(g => g != f && Regex.IsMatch(File.ReadAllText(g), $@"\b{Regex.Escape(stems[f])}\b")).Select(g => stems[g]).ToList());
var tests = Directory.EnumerateFiles(Path.Combine(root, "tests", "O2C.Analytics.Tests"), "*.cs", SearchOption.AllDirectories)
    .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
    .Select(p => File.ReadAllText(p))
    // Tests over the whole bundled sample or a generated history take a minute each; the small ledgers built for each
    // rule are the ones meant to catch a boundary, so the mutants are run against those.
    .Where(text => !Regex.IsMatch(text, @"SamplePackFixture|SampleGenerator\.Run|RepoPaths\.DataSamples|SharedData"))
    .Select(text => (Text: text, Classes: Regex.Matches(text, @"\bclass\s+(\w+Tests)\b").Select(m => m.Groups[1].Value).ToList())).ToList();

// Verdicts accumulate in the results file (a later row for a mutant replaces an earlier one). A verdict is reused
// while the mutated line reads as it did; --again judges the survivors once more (after tests were added).
var again = args.Contains("--again");
var judged = File.Exists(results)
    ? File.ReadLines(results).Select(l => l.Split('\t')).GroupBy(f => $"{f[0]}:{f[1]}:{f[2]}:{f[3]}").ToDictionary(g => g.Key, g => g.Last())
    : [];
var catalogue = new List<string[]>();
// A kill is real only when the same tests pass on the unmutated SQL: each selection is run once as it is (cached per
// selection in a file beside the results). A file whose selection fails as it is has its mutants marked
// "baseline failed", not killed, and earlier verdicts for it are reported as not counting.
var baselinePath = Path.ChangeExtension(results, ".baseline.tsv");
var baseline = File.Exists(baselinePath) ? File.ReadLines(baselinePath).Select(l => l.Split('\t')).ToDictionary(f => f[0], f => f[1] == "passed") : [];
using var baselineOutput = new StreamWriter(baselinePath, append: true);
using var output = new StreamWriter(results, append: true);
var comparison = new Regex(@"(?<![<>=!|])(<=|>=|<(?![>=])|>(?![=]))");
foreach (var file in files.Where(f => only is null || f.Contains(only, StringComparison.Ordinal)))
{
    var relative = Relative(file);
    var lines = File.ReadAllLines(file);
    var filter = Filter(file);
    for (var n = 0; n < lines.Length; n++)
    {
        var code = lines[n].Split("--")[0];
        var mutants = comparison.Matches(code).Select(m => (Column: m.Index, Original: m.Value, Mutant: m.Value switch { "<=" => "<", "<" => "<=", ">=" => ">", _ => ">=" }))
            .Concat(Regex.Matches(code, @"\bprior_month_end\b").Select(m => (Column: m.Index, Original: m.Value, Mutant: "month_end")))
            .ToList();
        foreach (var (column, original, mutant) in mutants)
        {
            var key = $"{relative}:{n + 1}:{column + 1}:{original} -> {mutant}";
            if (judged.TryGetValue(key, out var earlier) && earlier[5] == lines[n].Trim() && !(again && earlier[4] != "killed"))
            {
                catalogue.Add(earlier);
                continue;
            }
            var mutated = lines.ToArray();
            mutated[n] = lines[n][..column] + mutant + lines[n][(column + original.Length)..];
            string verdict;
            if (!Baseline(filter, relative)) verdict = "baseline failed";
            else
            {
                var copy = Path.Combine(bin, relative);
                var kept = File.ReadAllText(copy);
                File.WriteAllLines(copy, mutated);
                try { verdict = TestsPass(filter) ? "survived" : "killed"; }
                finally { File.WriteAllText(copy, kept); }
            }
            var row = string.Join('\t', relative, n + 1, column + 1, $"{original} -> {mutant}", verdict, lines[n].Trim());
            output.WriteLine(row);
            output.Flush();
            Console.WriteLine(row);
            judged[key] = row.Split('\t');
            catalogue.Add(judged[key]);
        }
    }
}
// An earlier kill does not count when its file's selection, as it is now, fails on the unmutated SQL.
var unproven = files.Where(f => !baseline.GetValueOrDefault(Filter(f), true)).Select(Relative).ToHashSet(StringComparer.Ordinal);
foreach (var r in catalogue.Where(r => unproven.Contains(r[0]) && r[4] == "killed")) r[4] = "baseline failed";
var killed = catalogue.Count(r => r[4] == "killed");
Console.WriteLine($"score: {killed} of {catalogue.Count} killed ({(catalogue.Count == 0 ? 0 : 100.0 * killed / catalogue.Count):0.0} %)");
foreach (var r in catalogue.Where(r => r[4] != "killed")) Console.WriteLine($"survivor: {r[0]}:{r[1]} {r[3]}  {r[5]}");
return 0;

// The test classes that read a file: those naming it or a file built on it (the readers' closure), and every boundary test.
string Filter(string file)
{
    var stem = stems[file];
    var names = new HashSet<string>(StringComparer.Ordinal) { stem };
    var queue = new Queue<string>([stem]);
    while (queue.Count > 0)
        foreach (var reader in readers.GetValueOrDefault(queue.Dequeue()) ?? [])
            if (names.Add(reader)) queue.Enqueue(reader);
    var classes = tests.Where(t => names.Any(name => Regex.IsMatch(t.Text, $@"\b{Regex.Escape(name)}\b"))).SelectMany(t => t.Classes)
        .Append("O2C.Analytics.Tests.Boundaries.")
        // The SLA SQL is read by SlaRunner, not by another SQL file: its tests are the SLA area's.
        .Concat(Relative(file).StartsWith("sql/sla/", StringComparison.Ordinal) ? ["O2C.Analytics.Tests.Sla."] : [])
        .Distinct().ToList();
    return string.Join('|', classes.Select(c => $"FullyQualifiedName~{c}"));
}

// The selection run once on the unmutated SQL, before the first mutant of a file that it judges (cached per selection).
bool Baseline(string filter, string relative)
{
    if (baseline.TryGetValue(filter, out var passed)) return passed;
    passed = TestsPass(filter);
    baseline[filter] = passed;
    baselineOutput.WriteLine($"{filter}\t{(passed ? "passed" : "failed")}\t{relative}");
    baselineOutput.Flush();
    Console.WriteLine($"baseline {(passed ? "passed" : "FAILED")}: tests of {relative}");
    return passed;
}

bool TestsPass(string filter) => Run("dotnet", $"test tests/O2C.Analytics.Tests -c Release --no-build --filter \"{filter}\"") == 0;

string Relative(string file) => Path.GetRelativePath(root, file).Replace('\\', '/');

string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

int Run(string program, string arguments)
{
    using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root })!;
    process.StandardOutput.ReadToEnd();
    process.StandardError.ReadToEnd();
    process.WaitForExit();
    return process.ExitCode;
}
