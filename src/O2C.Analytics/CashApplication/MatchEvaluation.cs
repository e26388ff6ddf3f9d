using System.Globalization;
using O2C.Analytics.Extract;
using O2C.Analytics.Extract.Sources;
using O2C.Analytics.Generate.Remittance;
using O2C.Analytics.Load;
using O2C.Analytics.Storage;

namespace O2C.Analytics.CashApplication;

/// <summary>How cash matching did on one kind of remittance of the study.</summary>
/// <param name="WithInformation">Payments whose statement says enough for a careful person to apply them.</param>
/// <param name="Applied">Applied automatically; Right: to exactly the truth's documents and amounts (and a stated deduction's reason).</param>
public sealed record KindResult(string Kind, string Description, bool IsPayment, int Credits, int WithInformation, int StagedAsReceipts,
    int Applied, int Right, int RightWithInformation, int WrongCustomer)
{
    public decimal? Precision => Applied == 0 ? null : (decimal)Right / Applied;
    public decimal? Coverage => WithInformation == 0 ? null : (decimal)RightWithInformation / WithInformation;
}

/// <summary>Of the proposals scored within a band, how many named the truth's documents.</summary>
public sealed record CalibrationBand(string Band, decimal From, decimal To, int Proposals, int Right)
{
    public decimal? RightShare => Proposals == 0 ? null : (decimal)Right / Proposals;
}

public sealed record MatchEvaluationResult(IReadOnlyList<KindResult> Kinds, IReadOnlyList<CalibrationBand> Calibration, RemittanceStudyFiles Files,
    int Receipts, int AutoApplied)
{
    public int Applied => Kinds.Sum(k => k.Applied);
    public int Right => Kinds.Sum(k => k.Right);
    public int WrongCustomer => Kinds.Sum(k => k.WrongCustomer);
    public decimal Precision => Applied == 0 ? 0 : (decimal)Right / Applied;
    public decimal Coverage => (decimal)Kinds.Sum(k => k.RightWithInformation) / Math.Max(1, Kinds.Sum(k => k.WithInformation));
}

/// <summary>
/// Issue 24's measure of cash matching: generate the remittance study (RemittanceStudy), load its ledger and its bank
/// statements through the product's own loader and extractor into a fresh warehouse, run cash matching once, and
/// compare every decision with the generator's truth: precision and coverage per kind, applications to a customer other
/// than the payer's, and how often proposals in each score band were right (the calibration of the score).
/// </summary>
public static class MatchEvaluation
{
    public static readonly (string Band, decimal From, decimal To)[] Bands =
        [("1.00", 1.00m, 1.01m), ("0.95-0.99", 0.95m, 1.00m), ("0.92-0.94", 0.92m, 0.95m), ("0.90-0.91", 0.90m, 0.92m), ("0.85-0.89", 0.85m, 0.90m),
         ("0.75-0.84", 0.75m, 0.85m), ("below 0.75", 0m, 0.75m)];

    private static decimal Money(string s) => s.Length == 0 ? 0 : decimal.Parse(s, CultureInfo.InvariantCulture);

    public static MatchEvaluationResult Run(string folder, int customers, int seed, decimal threshold = 0.90m)
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        var files = RemittanceStudy.Write(folder, customers, seed);
        using var warehouse = Warehouse.Open(Path.Combine(folder, "study.duckdb"));
        MigrationRunner.Apply(warehouse, Migration.ReadAll(SqlFolder.Default().Migrations));
        new CanonicalLoader(warehouse).LoadFolder(files.LedgerFolder);
        new SourceExtractor(warehouse).Run(SourcesConfig.Load(files.SourcesConfig));
        var result = new CashMatcher(warehouse).Run(new CashMatchOptions(RemittanceStudy.WindowEnd.AddDays(3), threshold));
        return Judge(warehouse, files, result);
    }

    private sealed record Truth(string Reference, string Kind, bool IsPayment, string? Customer, bool Enough, Dictionary<string, decimal> Documents, string? Category,
        decimal Discount, decimal Deduction, decimal Fee);

    private static MatchEvaluationResult Judge(Warehouse warehouse, RemittanceStudyFiles files, CashMatchResult run)
    {
        var truth = File.ReadLines(files.TruthFile).Skip(1).Select(l => l.Split(',')).Select(f => new Truth(f[0], f[1], f[2] == "true",
            f[3].Length == 0 ? null : f[3], f[4] == "true",
            f[5].Split(';', StringSplitOptions.RemoveEmptyEntries).Select(d => d.Split(':')).ToDictionary(d => d[0], d => decimal.Parse(d[1], CultureInfo.InvariantCulture)),
            f[8].Length == 0 ? null : f[8], Money(f[6]), Money(f[7]), Money(f[9]))).ToDictionary(t => t.Reference);
        var receipts = warehouse.Query("SELECT receipt_id, bank_reference FROM receipts", r => (Id: r.GetString(0), Reference: r.GetString(1)))
            .ToDictionary(r => r.Id, r => r.Reference);
        var applied = warehouse.Query("""
            SELECT a.receipt_id, a.document_id, a.amount, d.customer_id FROM applications a JOIN documents d USING (document_id)
            """, r => (Receipt: r.GetString(0), Document: r.GetString(1), Amount: r.GetDecimal(2), Customer: r.GetString(3)))
            .GroupBy(a => a.Receipt).ToDictionary(g => g.Key, g => g.ToList());
        // What else each receipt's application closed or opened: write-offs (discount, bank charge) and deductions, by
        // the receipt in their ids (WO-MATCH-run-receipt, DED-MATCH-run-receipt).
        var prefix = $"-MATCH-{run.RunId}-";
        var adjustments = warehouse.Query($"""
            SELECT write_off_id, reason, amount FROM write_offs WHERE write_off_id LIKE 'WO-MATCH-{run.RunId}-%'
            UNION ALL SELECT dispute_id, 'deduction:' || category, amount FROM disputes WHERE dispute_id LIKE 'DED-MATCH-{run.RunId}-%'
            """, r => (Id: r.GetString(0), Kind: r.GetString(1), Amount: r.GetDecimal(2)))
            .ToLookup(a => ReceiptOf(a.Id[(a.Id.IndexOf(prefix, StringComparison.Ordinal) + prefix.Length)..]), a => (a.Kind, a.Amount));
        var proposals = warehouse.Query($"SELECT receipt_id, score, documents FROM cash_match_decisions WHERE run_id = {run.RunId} AND documents <> ''",
            r => (Receipt: r.GetString(0), Score: r.GetDecimal(1), Documents: r.GetString(2).Split(',').ToHashSet())).ToList();

        bool Right(Truth t, string receipt)
        {
            if (!applied.TryGetValue(receipt, out var rows)) return false;
            if (rows.Count != t.Documents.Count || rows.Any(a => !t.Documents.TryGetValue(a.Document, out var paid) || paid != a.Amount)) return false;
            // And what came off: the discount and the bank's fee written off, the deduction opened with the payer's reason.
            var made = adjustments[receipt].ToList();
            decimal Sum(Func<string, bool> kind) => made.Where(a => kind(a.Kind)).Sum(a => a.Amount);
            return Sum(k => k == "cash_discount") == t.Discount && Sum(k => k == "bank_charge") == t.Fee
                && Sum(k => k.StartsWith("deduction:", StringComparison.Ordinal)) == t.Deduction
                && (t.Category is null || made.Any(a => a.Kind == "deduction:" + t.Category))
                && made.All(a => a.Kind is "cash_discount" or "bank_charge" || a.Kind.StartsWith("deduction:", StringComparison.Ordinal));
        }

        // A receipt id as it ends a write-off's or deduction's id, less a second adjustment's -2, -3 suffix.
        string ReceiptOf(string rest) => receipts.ContainsKey(rest) ? rest : rest[..rest.LastIndexOf('-')];

        var byReference = receipts.ToLookup(r => r.Value, r => r.Key);
        var kinds = new List<KindResult>();
        foreach (var kind in RemittanceKind.All)
        {
            var rows = truth.Values.Where(t => t.Kind == kind.Code).ToList();
            int staged = 0, autoApplied = 0, right = 0, rightEnough = 0, wrongCustomer = 0;
            foreach (var t in rows)
                foreach (var receipt in byReference[t.Reference])
                {
                    staged++;
                    if (!applied.TryGetValue(receipt, out var rowsApplied)) continue;
                    autoApplied++;
                    if (rowsApplied.Any(a => a.Customer != t.Customer)) wrongCustomer++;
                    if (!Right(t, receipt)) continue;
                    right++;
                    if (t.Enough) rightEnough++;
                }
            kinds.Add(new KindResult(kind.Code, kind.Description, kind.IsPayment, rows.Count, rows.Count(t => t.Enough), staged, autoApplied, right, rightEnough, wrongCustomer));
        }
        var calibration = Bands.Select(b =>
        {
            var inBand = proposals.Where(p => p.Score >= b.From && p.Score < b.To).ToList();
            var right = inBand.Count(p => receipts.TryGetValue(p.Receipt, out var reference) && truth.TryGetValue(reference, out var t)
                                          && t.Documents.Keys.ToHashSet().SetEquals(p.Documents));
            return new CalibrationBand(b.Band, b.From, b.To, inBand.Count, right);
        }).ToList();
        return new MatchEvaluationResult(kinds, calibration, files, run.ReceiptsConsidered, run.AutoApplied);
    }
}
