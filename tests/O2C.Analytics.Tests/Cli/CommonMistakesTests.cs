using O2C.Analytics.Tests.Support;

namespace O2C.Analytics.Tests.Cli;

/// <summary>
/// The mistakes a newcomer makes (issue 21's list), each run as the program: one stderr line starting "error:", the
/// documented exit code (ExitCodes), no stack trace, and no warehouse file made by a typo.
/// </summary>
[Collection(SamplePackCollection.Name)]
public sealed class CommonMistakesTests(SamplePackFixture run)
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> SharedCopy = new();

    public static TheoryData<string, string[], int, string> Mistakes => new()
    {
        { "kpi on a mistyped --db", ["kpi", "--db", "typo.duckdb"], ExitCodes.Usage, "no warehouse at typo.duckdb" },
        { "pack on a mistyped --db", ["pack", "--db", "typo.duckdb"], ExitCodes.Usage, "no warehouse at typo.duckdb" },
        { "spc on a mistyped --db", ["spc", "--db", "typo.duckdb"], ExitCodes.Usage, "no warehouse at typo.duckdb" },
        { "audit on a mistyped --db", ["audit", "--db", "typo.duckdb"], ExitCodes.Usage, "no warehouse at typo.duckdb" },
        { "worklist on a mistyped --db", ["predict", "worklist", "--db", "typo.duckdb"], ExitCodes.Usage, "no warehouse at typo.duckdb" },
        { "match on a mistyped --db", ["match", "--db", "typo.duckdb"], ExitCodes.Usage, "no warehouse at typo.duckdb" },
        { "refresh on a mistyped --db", ["refresh", "--db", "typo.duckdb"], ExitCodes.Usage, "no warehouse at typo.duckdb" },
        { "o2c.json missing a brace", ["kpi", "--db", "{db}", "--config-file", "broken"], ExitCodes.Usage, "Failed to load configuration from file" },
        { "a mistyped setting", ["kpi", "--db", "{db}", "--config-file", "typo"], ExitCodes.Usage, "o2c.json: unknown setting Mail:SmtpHsot (did you mean Mail:SmtpHost?)" },
        { "a job of an unknown kind", ["kpi", "--db", "{db}", "--config-file", "job"], ExitCodes.Usage, "Schedule:Jobs:0 (nightly): unknown Kind 'Export'" },
        { "a --config that is not there", ["kpi", "--db", "{db}", "--config", "nope.json"], ExitCodes.Usage, "no configuration file at nope.json" },
        { "pack --send with the mail server down", ["pack", "--db", "{db}", "--send", "--config-file", "dead-smtp"], ExitCodes.NotSent, "mail not sent: Connection refused" },
        { "a sources file with kind camt", ["extract", "--db", "{db}", "--sources", "{camt}"], ExitCodes.Usage, "unknown source kind at $.Sources[0].Kind; the kinds are csv, xlsx, cleared-items-csv, bai2, camt053, mt940" },
        { "a list to xlsx", ["sql", "--db", "{db}", "select [1,2,3] as x", "--format", "xlsx"], ExitCodes.Usage, "--format xlsx needs --out FILE" },
        { "a comment-only query", ["sql", "--db", "{db}", "-- nothing here"], ExitCodes.Usage, "the query has no SQL statement in it" },
        { "a KPI id that does not exist", ["kpi", "--db", "{db}", "--kpi", "dsx"], ExitCodes.Usage, "no KPI dsx: o2c kpi --list shows them all" },
        { "aging buckets that fall", ["aging", "--db", "{db}", "--buckets", "30,20"], ExitCodes.Usage, "--buckets '30,20': whole days above 0, rising" },
        { "explain of a KPI computed per member", ["explain", "top10_concentration", "--db", "{db}"], ExitCodes.Usage, "top10_concentration is computed per member as a whole" },
        { "sql --version", ["sql", "--db", "{db}", "--version"], ExitCodes.Usage, "the query has no SQL statement in it" },
        { "a mistyped option", ["pack", "--db", "{db}", "--moth", "2026-10"], ExitCodes.Usage, "Unrecognized command or argument '--moth'; Unrecognized command or argument '2026-10'; did you mean --month for --moth? (see o2c pack --help)" },
        { "a mistyped command", ["lod", "data-samples"], ExitCodes.Usage, "did you mean load for lod? (see o2c --help)" },
        { "a format that is not offered", ["predict", "worklist", "--db", "{db}", "--format", "xml"], ExitCodes.Usage, "Argument 'xml' not recognized. Must be one of: 'table' 'csv' 'json' (see o2c predict worklist --help)" },
        { "a negative row limit", ["sql", "--db", "{db}", "select 1", "--max-rows", "-1"], ExitCodes.Usage, "--max-rows must be 0 (all rows) or more, not -1" },
        { "a negative worklist length", ["predict", "worklist", "--db", "{db}", "--top", "-5"], ExitCodes.Usage, "--top must be 1 or more (got -5) (see o2c predict worklist --help)" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_mistake_is_one_error_line_with_its_exit_code_and_creates_nothing(string mistake, string[] args, int code, string says)
    {
        var folder = Directory.CreateTempSubdirectory("o2c-mistake-").FullName;
        try
        {
            // One copy of the sample's warehouse for every case (copying it per case cost a second each); only the
            // failed send writes to it (its audit entry).
            var db = SharedCopy.GetOrAdd(run.Folder, f => run.CopyWarehouseTo(Path.Combine(f, "mistakes-copy")));
            var camt = Path.Combine(folder, "sources.json");
            File.WriteAllText(camt, """{ "Sources": [ { "Name": "bank", "Kind": "camt", "Path": "x/*.xml" } ] }""");
            var config = args.SkipWhile(a => a != "--config-file").Skip(1).FirstOrDefault();
            if (config == "broken") File.WriteAllText(Path.Combine(folder, "o2c.json"), """{ "Mail": { "SmtpHost": "127.0.0.1" }""");
            if (config == "typo") File.WriteAllText(Path.Combine(folder, "o2c.json"), """{ "Mail": { "SmtpHsot": "smtp.example.com" } }""");
            if (config == "job") File.WriteAllText(Path.Combine(folder, "o2c.json"), """{ "Schedule": { "Jobs": [ { "Name": "nightly", "Kind": "Export" } ] } }""");
            if (config == "dead-smtp")
            {
                // A port nothing listens on: bound, then released.
                var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
                listener.Start();
                var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
                listener.Stop();
                File.WriteAllText(Path.Combine(folder, "o2c.json"),
                    $$"""{ "Mail": { "SmtpHost": "127.0.0.1", "SmtpPort": {{port}}, "StartTls": "none", "PackRecipients": ["cfo@example.com"] } }""");
            }
            var argv = args.TakeWhile(a => a != "--config-file").Select(a => a.Replace("{db}", db, StringComparison.Ordinal).Replace("{camt}", camt, StringComparison.Ordinal)).ToArray();
            var (exit, _, error) = CliProcess.Run(folder, argv);

            var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(lines.Length == 1, $"{mistake}: {error}");
            Assert.StartsWith("error: ", lines[0]);
            Assert.Contains(says, lines[0], StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
            Assert.Equal(code, exit);
            Assert.False(File.Exists(Path.Combine(folder, "typo.duckdb")), "a mistyped --db made a warehouse");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>o2c kpi with a KPI filter and a month range: one row per KPI and month, nothing else.</summary>
    [Fact]
    public void Kpi_takes_a_kpi_filter_and_a_month_range()
    {
        var (exit, output, _) = CliProcess.Run(run.Folder, "kpi", "--db", run.Options.WarehousePath, "--kpi", "dso,cei", "--from", "2026-08", "--to", "2026-10", "--format", "csv");
        Assert.Equal(0, exit);
        var lines = output.Trim().Split('\n').Skip(1).Select(l => string.Join(",", l.Split(',').Take(2))).ToList();
        Assert.Equal(["dso,2026-08-31", "dso,2026-09-30", "dso,2026-10-31", "cei,2026-08-31", "cei,2026-09-30", "cei,2026-10-31"], lines);
    }

    [Fact]
    public void Help_lists_the_exit_codes()
    {
        var (exit, output, _) = CliProcess.Run(RepoPaths.Root, "--help");
        Assert.Equal(0, exit);
        Assert.Contains("5 ran but incomplete", System.Text.RegularExpressions.Regex.Replace(output, @"\s+", " "), StringComparison.Ordinal);
    }
}
