using O2C.Analytics.Storage;
using O2C.Analytics.Extract.Bank;
using O2C.Analytics.Extract.Sources;
using O2C.Analytics.Extract.Tabular;
using O2C.Analytics.Load;

namespace O2C.Analytics.Extract;

/// <summary>What one source did in one extract.</summary>
public sealed record SourceReport(string Source, int FilesSeen, int FilesLoaded, int FilesUnchanged, long RowsLoaded, long RowsRejected,
    IReadOnlyList<string> FilesRejected, IReadOnlyList<string> Warnings);

public sealed record ExtractResult(LoadResult? Load, IReadOnlyList<SourceReport> Sources);

/// <summary>
/// <c>o2c extract</c>: maps every configured source's files onto canonical CSV files in a staging folder and loads
/// them all in one transaction through the canonical loader, whose ledger (file name and SHA-256) makes the run
/// incremental: unchanged files load nothing. A statement file that cannot be read, or whose control totals fail
/// (unless the source says warn), is rejected with its message and the other files still load.
/// </summary>
public sealed class SourceExtractor(Warehouse warehouse)
{
    /// <summary>A statement staged in this run, recorded in bank_statements with the load that brought it.</summary>
    private sealed record StagedStatement(string Key, string StagedFile, string SourceFile, string Format, BankStatement Statement, int Credits);

    private readonly List<StagedStatement> stagedStatements = [];

    /// <summary>A reversal whose credit is not in its own file, recorded in bank_reversals for the receipts rebuild.</summary>
    private sealed record StagedReversal(string StagedFile, string SourceFile, int Line, string Reference, DateOnly ValueDate, decimal Amount, string Currency);

    private readonly List<StagedReversal> stagedReversals = [];

    /// <summary>Staged files whose statements were read in this run: their recorded reversals are replaced.</summary>
    private readonly HashSet<string> statementFilesRead = new(StringComparer.Ordinal);

    private Dictionary<string, int>? minorUnits;

    /// <summary>Decimals a currency uses (ISO 4217, the currencies table); 2 for a code the table lacks (rejected at load).</summary>
    private int MinorUnits(string currency)
    {
        minorUnits ??= warehouse.Query("SELECT currency_code, minor_units FROM currencies", r => (r.GetString(0), r.GetInt32(1)))
            .ToDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal);
        return minorUnits.GetValueOrDefault(currency.ToUpperInvariant(), 2);
    }

    /// <summary>Credits with a bank reference staged in this run: (reference, value date, amount, currency).</summary>
    private readonly HashSet<(string, DateOnly, decimal, string)> stagedCredits = [];

    /// <param name="statements">Bank files read before the warehouse was opened (BankFilesRead); read here when absent.</param>
    public ExtractResult Run(SourcesConfig config, IProgress<string>? progress = null, BankFilesRead? statements = null)
    {
        statements ??= BankFilesRead.Read(config, progress);
        // The load and the record of which bank statements it brought commit together, or neither does.
        using var transaction = warehouse.BeginTransaction();
        // Staged bank data holds payer names and remittance text: a private folder, removed at the end, or at the
        // next start if this process is killed.
        using var stagingFolder = StagingFolder.Create();
        var staging = stagingFolder.Path;
        {
            using var scratch = Warehouse.Open(":memory:");
            var stager = new TabularStager(scratch);
            var staged = new Dictionary<string, List<string>>();
            var rejected = new Dictionary<string, List<string>>();
            var warnings = new Dictionary<string, List<string>>();
            var seen = new Dictionary<string, int>();
            foreach (var source in config.Sources)
            {
                var files = source.Files();
                seen[source.Name] = files.Count;
                staged[source.Name] = [];
                rejected[source.Name] = [];
                warnings[source.Name] = [];
                foreach (var file in files)
                {
                    progress?.Report($"{source.Name}: reading {Path.GetFileName(file)}");
                    if (source.Kind is SourceKind.Bai2 or SourceKind.Camt053 or SourceKind.Mt940)
                        StageStatement(statements, source, file, staging, staged[source.Name], rejected[source.Name], warnings[source.Name]);
                    else
                        StageTabular(stager, source, file, staging, staged[source.Name], rejected[source.Name]);
                }
            }
            var all = staged.Values.SelectMany(f => f).ToList();
            // Before the load, whose receipts rebuild reads them; a changed set of returns rebuilds receipts even when
            // no receipts file changed (a corrected statement that only adds a return stages the same credits).
            var returnsChanged = RecordReversals();
            var load = all.Count == 0 ? null : new CanonicalLoader(warehouse).LoadFiles(staging, all, progress,
                alsoRebuild: returnsChanged ? ["receipts"] : null);
            if (load is not null) RecordStatements(load.LoadId);
            var reports = config.Sources.Select(s => Report(s.Name, seen[s.Name], staged[s.Name], rejected[s.Name], warnings[s.Name], load)).ToList();
            transaction.Commit();
            return new ExtractResult(load, reports);
        }
    }

    private void StageStatement(BankFilesRead statements, SourceDefinition source, string file, string staging, List<string> staged,
        List<string> rejected, List<string> warnings)
    {
        try
        {
            var statement = statements.Get(source, file);
            if (statement.Problems.Count > 0)
            {
                var message = $"{statement.FileName}: {string.Join("; ", statement.Problems)}";
                if (source.ControlTotals == ControlTotalPolicy.Reject)
                {
                    rejected.Add(message + " (file rejected; set controlTotals to warn to load it anyway)");
                    return;
                }
                warnings.Add(message);
            }
            var stagedName = BankStager.FileName(source.Name, statement.FileName);
            var kept = new List<(string Key, BankStatement Statement)>();
            foreach (var s in statement.Statements)
            {
                // The key is of the statement as delivered, before any of its credits is set aside below.
                var key = BankStatementIdentity.Key(statement.Format, s);
                var seenIn = stagedStatements.FirstOrDefault(x => x.Key == key)?.SourceFile
                    ?? warehouse.Scalar<string>("SELECT source_file FROM bank_statements WHERE statement_key = $k AND file_name <> $f LIMIT 1", ("k", key), ("f", stagedName));
                if (seenIn is not null)
                {
                    warnings.Add($"{statement.FileName}: statement {s.StatementId ?? "(no id)"} of account {s.AccountNumber} as of {s.AsOfDate:yyyy-MM-dd} was already loaded from {seenIn}; skipped, its cash is counted once");
                    continue;
                }
                kept.Add((key, s with { Transactions = s.Transactions.Where(t => !t.IsCredit || IsNewCredit(t, stagedName, statement.FileName, warnings)).ToList() }));
            }
            if (kept.Count == 0) return;
            statementFilesRead.Add(stagedName);
            kept = CancelReversedCredits(kept, stagedName, statement.FileName, warnings);
            staged.Add(BankStager.Stage(statement with { Statements = kept.Select(k => k.Statement).ToList() }, source.Name, staging, MinorUnits));
            stagedStatements.AddRange(kept.Select(k => new StagedStatement(k.Key, stagedName, statement.FileName, statement.Format, k.Statement,
                k.Statement.Transactions.Count(t => t.IsCredit))));
        }
        catch (BankFormatException e)
        {
            rejected.Add(e.Message);
        }
    }

    /// <summary>
    /// A credit the bank identified by its own reference that is already in the warehouse from another file (or staged
    /// from another file in this run) is the same money reported twice, e.g. in an intraday and an end-of-day
    /// statement: it is set aside with a warning.
    /// </summary>
    private bool IsNewCredit(BankTransaction credit, string stagedName, string sourceFile, List<string> warnings)
    {
        if (string.IsNullOrWhiteSpace(credit.BankReference)) return true;
        // As staged: rounded to the currency's minor units (KWD 1.005 stays 1.005).
        var amount = BankStager.StagedAmount(credit.Amount, MinorUnits(credit.Currency));
        var key = (credit.BankReference, credit.ValueDate, amount, credit.Currency);
        var loadedFrom = stagedCredits.Contains(key) ? "this extract" : warehouse.Scalar<string>("""
            SELECT source_file FROM receipts
            WHERE bank_reference = $r AND value_date = $d AND amount = $a AND currency_code = $c AND source_file <> $f LIMIT 1
            """, ("r", credit.BankReference), ("d", credit.ValueDate), ("a", amount), ("c", credit.Currency), ("f", stagedName));
        if (loadedFrom is not null)
        {
            warnings.Add($"{sourceFile}: line {credit.Line}: credit {credit.BankReference} of {credit.Amount} {credit.Currency} on {credit.ValueDate:yyyy-MM-dd} was already loaded from {loadedFrom}; skipped");
            return false;
        }
        stagedCredits.Add(key);
        return true;
    }

    /// <summary>
    /// A reversed credit (a payment returned or recalled) cancels the credit it reverses: the same currency and amount,
    /// the same end-to-end or bank reference, on or before the reversal's date. When that credit is in the same file it
    /// is taken out with it (it never was cash received); otherwise it is recorded in bank_reversals and the receipts rebuild
    /// takes the receipt out, whether its file came before or comes later. A reversed debit is no customer payment and
    /// never a receipt.
    /// </summary>
    private List<(string Key, BankStatement Statement)> CancelReversedCredits(List<(string Key, BankStatement Statement)> kept, string stagedName,
        string sourceFile, List<string> warnings)
    {
        var reversals = kept.SelectMany(k => k.Statement.Transactions).Where(t => t.ReversesCredit).ToList();
        if (reversals.Count == 0) return kept;
        var cancelled = new HashSet<BankTransaction>(ReferenceEqualityComparer.Instance);
        foreach (var reversal in reversals)
        {
            var original = kept.SelectMany(k => k.Statement.Transactions)
                .Where(t => t.IsCredit && !cancelled.Contains(t) && Reverses(reversal, t))
                .OrderByDescending(t => t.ValueDate).FirstOrDefault();
            if (original is not null)
            {
                cancelled.Add(original);
                warnings.Add($"{sourceFile}: line {reversal.Line}: reversal of {-reversal.Amount} {reversal.Currency} on {reversal.ValueDate:yyyy-MM-dd} cancels the credit on line {original.Line}; neither is a receipt");
                continue;
            }
            var reference = Reference(reversal.CustomerReference) ?? Reference(reversal.BankReference);
            if (reference is null)
            {
                warnings.Add($"{sourceFile}: line {reversal.Line}: reversal of {-reversal.Amount} {reversal.Currency} on {reversal.ValueDate:yyyy-MM-dd} has no reference to find its credit by; take it back in cash application");
                continue;
            }
            var amount = BankStager.StagedAmount(-reversal.Amount, MinorUnits(reversal.Currency));
            stagedReversals.Add(new StagedReversal(stagedName, sourceFile, reversal.Line, reference, reversal.ValueDate, amount, reversal.Currency));
            var loaded = warehouse.Scalar<string>($"""
                SELECT receipt_id FROM receipts r
                WHERE currency_code = $c AND amount = $a AND value_date <= $d AND {CanonicalLayouts.CarriesReference("r", "$r")}
                ORDER BY value_date DESC LIMIT 1
                """, ("c", reversal.Currency), ("a", amount), ("d", reversal.ValueDate), ("r", reference));
            warnings.Add(loaded is not null
                ? $"{sourceFile}: line {reversal.Line}: reversal of {-reversal.Amount} {reversal.Currency} on {reversal.ValueDate:yyyy-MM-dd} takes back receipt {loaded}, loaded earlier: it leaves receipts (rejects: reversed_by_bank), its applications with it"
                : $"{sourceFile}: line {reversal.Line}: reversal of {-reversal.Amount} {reversal.Currency} on {reversal.ValueDate:yyyy-MM-dd} matches no receipt yet; kept, it takes back its credit when that is loaded");
        }
        return kept.Select(k => (k.Key, k.Statement with { Transactions = k.Statement.Transactions.Where(t => !cancelled.Contains(t)).ToList() })).ToList();
    }

    /// <summary>Same account, currency and amount, not later, and a real reference in common (MT940's NONREF is none).</summary>
    private static bool Reverses(BankTransaction reversal, BankTransaction credit) =>
        credit.AccountNumber == reversal.AccountNumber && credit.Currency == reversal.Currency && credit.Amount == -reversal.Amount
        && credit.ValueDate <= reversal.ValueDate
        && (Reference(reversal.CustomerReference) is { } e2e && e2e == Reference(credit.CustomerReference)
            || Reference(reversal.BankReference) is { } bank && bank == Reference(credit.BankReference));

    /// <summary>A reference that names something: MT940's NONREF and SEPA's NOTPROVIDED are placeholders for none.</summary>
    private static string? Reference(string? value) =>
        string.IsNullOrWhiteSpace(value) || value.Equals("NONREF", StringComparison.OrdinalIgnoreCase)
        || value.Equals("NOTPROVIDED", StringComparison.OrdinalIgnoreCase) ? null : value;

    /// <summary>Replaces the reversals recorded for each statement file read in this run with this run's.</summary>
    private bool RecordReversals()
    {
        const string Fingerprint = "SELECT count(*) || ':' || coalesce(sum(hash(CAST(b AS VARCHAR)))::VARCHAR, '') FROM bank_reversals b";
        var before = warehouse.Scalar<string>(Fingerprint);
        foreach (var file in statementFilesRead)
            warehouse.Execute("DELETE FROM bank_reversals WHERE file_name = $f", ("f", file));
        foreach (var r in stagedReversals)
            warehouse.Execute("INSERT INTO bank_reversals VALUES ($file, $source, $line, $ref, $date, $amount, $ccy)",
                ("file", r.StagedFile), ("source", r.SourceFile), ("line", r.Line), ("ref", r.Reference), ("date", r.ValueDate),
                ("amount", r.Amount), ("ccy", r.Currency));
        return warehouse.Scalar<string>(Fingerprint) != before;
    }

    /// <summary>Replaces the record of each staged file's statements with this run's, in the load's transaction.</summary>
    private void RecordStatements(long loadId)
    {
        foreach (var file in stagedStatements.Select(s => s.StagedFile).Distinct())
            warehouse.Execute("DELETE FROM bank_statements WHERE file_name = $f", ("f", file));
        foreach (var s in stagedStatements)
            warehouse.Execute("""
                INSERT INTO bank_statements VALUES ($key, $file, $source, $format, $account, $id, $asof, $open, $close, $entries, $credits, $load)
                """,
                ("key", s.Key), ("file", s.StagedFile), ("source", s.SourceFile), ("format", s.Format), ("account", s.Statement.AccountNumber),
                ("id", s.Statement.StatementId), ("asof", s.Statement.AsOfDate), ("open", s.Statement.OpeningBalance), ("close", s.Statement.ClosingBalance),
                ("entries", s.Statement.Transactions.Count), ("credits", s.Credits), ("load", loadId));
    }

    /// <summary>
    /// A spreadsheet or CSV export that cannot be read (corrupt zip, expands past the bound, not text, a record past the
    /// line limit, a column its mapping reads missing from its header) is rejected with one line naming it; the other
    /// files still load. Mistakes in the sources file itself (an unknown entity, a mapping with neither column nor
    /// constant) stop the run.
    /// </summary>
    private static void StageTabular(TabularStager stager, SourceDefinition source, string file, string staging, List<string> staged, List<string> rejected)
    {
        try
        {
            staged.AddRange(stager.Stage(source, file, staging));
        }
        catch (UnreadableSourceFileException e)
        {
            rejected.Add(e.Message);
        }
    }

    private static SourceReport Report(string source, int seen, List<string> staged, List<string> rejected, List<string> warnings, LoadResult? load)
    {
        var names = staged.Select(Path.GetFileName).ToHashSet();
        var results = load?.Files.Where(f => names.Contains(f.FileName)).ToList() ?? [];
        // A source file counts as loaded when any canonical file it produced was loaded or replaced.
        var bySourceFile = staged.GroupBy(SourceFileOf).ToList();
        var loaded = bySourceFile.Count(g => results.Any(r => g.Select(Path.GetFileName).Contains(r.FileName) && r.Status != FileLoadStatus.Unchanged));
        return new SourceReport(source, seen, loaded, bySourceFile.Count - loaded, results.Sum(r => r.RowsLoaded), results.Sum(r => r.RowsRejected), rejected, warnings);
    }

    /// <summary>Staged files are entity-source-file.csv: the part after the entity names the source file.</summary>
    private static string SourceFileOf(string staged)
    {
        var name = Path.GetFileNameWithoutExtension(staged);
        var dash = name.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? name : name[(dash + 1)..];
    }
}
