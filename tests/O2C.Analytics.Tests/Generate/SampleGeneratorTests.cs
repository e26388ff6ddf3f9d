using System.Security.Cryptography;
using O2C.Analytics.Generate;
using O2C.Analytics.Load;
using O2C.Analytics.Tests.Support;

namespace O2C.Analytics.Tests.Generate;

public sealed class SampleGeneratorTests : IClassFixture<SampleGeneratorTests.GeneratedWarehouse>
{
    private readonly GeneratedWarehouse _data;

    public SampleGeneratorTests(GeneratedWarehouse data) => _data = data;

    /// <summary>400 customers over 36 months, generated and loaded once for the realism checks.</summary>
    public sealed class GeneratedWarehouse : IDisposable
    {
        public GeneratedWarehouse()
        {
            W = new TempWarehouse();
            SampleGenerator.Run(new GeneratorOptions(400, 36, 7, W.Sources, GeneratorOptions.DefaultFirstMonth, BankFeed: false));
            Load = new CanonicalLoader(W.Warehouse).LoadFolder(W.Sources);
        }

        public TempWarehouse W { get; }
        public LoadResult Load { get; }
        public void Dispose() => W.Dispose();
    }

    private long Scalar(string sql) => _data.W.Warehouse.Scalar<long>(sql);

    [Fact]
    public void Same_seed_gives_the_same_files_and_another_seed_other_files()
    {
        var root = Directory.CreateTempSubdirectory("o2c-gen-").FullName;
        try
        {
            string Hash(int seed, string name)
            {
                var folder = Path.Combine(root, $"{seed}-{name}");
                SampleGenerator.Run(new GeneratorOptions(60, 12, seed, folder, GeneratorOptions.DefaultFirstMonth, Gzip: true));
                return string.Join(",", Directory.EnumerateFiles(folder).Order().Select(f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))));
            }
            Assert.Equal(Hash(5, "a"), Hash(5, "b"));
            Assert.NotEqual(Hash(5, "a"), Hash(6, "c"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Generated_data_loads_without_a_single_reject() => Assert.Equal(0, _data.Load.RowsRejected);

    [Fact]
    public void Nothing_is_dated_after_the_cut_off()
    {
        Assert.Equal(0, Scalar("SELECT count(*) FROM documents WHERE document_date > DATE '2026-10-31'"));
        Assert.Equal(0, Scalar("SELECT count(*) FROM receipts WHERE value_date > DATE '2026-10-31'"));
        Assert.Equal(0, Scalar("SELECT count(*) FROM applications WHERE application_date > DATE '2026-10-31'"));
        Assert.Equal(0, Scalar("SELECT count(*) FROM disputes WHERE resolved_date > DATE '2026-10-31'"));
    }

    [Fact]
    public void Payment_behaviours_differ_by_customer_and_deterioration_shows_after_it_starts()
    {
        var truth = File.ReadAllLines(Path.Combine(_data.W.Sources, "_truth", "customer_profiles.csv")).Skip(1)
            .Select(l => l.Split(',')).ToDictionary(p => p[0], p => p[1]);
        _data.W.Warehouse.Execute("CREATE TEMP TABLE truth (customer_id VARCHAR, behaviour VARCHAR)");
        foreach (var (customer, behaviour) in truth)
            _data.W.Warehouse.Execute("INSERT INTO truth VALUES ($c, $b)", ("c", customer), ("b", behaviour));
        decimal DaysLate(string behaviour, string from, string to) => _data.W.Warehouse.Scalar<decimal>($"""
            SELECT avg(r.value_date - d.due_date)::DECIMAL(10,2)
            FROM applications a JOIN receipts r USING (receipt_id) JOIN documents d USING (document_id)
            JOIN truth t ON t.customer_id = d.customer_id
            WHERE t.behaviour = '{behaviour}' AND d.due_date BETWEEN DATE '{from}' AND DATE '{to}'
            """);
        Assert.True(DaysLate("Prompt", "2024-01-01", "2026-10-31") < 0);
        Assert.True(DaysLate("ChronicLate", "2024-01-01", "2026-10-31") > 20);
        // The story segment (SMB) pays later from month 27 (February 2026), 2 days more each month up to 16: invoices
        // due from July on are paid at least 12 days later than before.
        decimal SmbDaysLate(string from, string to) => _data.W.Warehouse.Scalar<decimal>($"""
            SELECT avg(r.value_date - d.due_date)::DECIMAL(10,2)
            FROM applications a JOIN receipts r USING (receipt_id) JOIN documents d USING (document_id) JOIN customers c ON c.customer_id = d.customer_id
            WHERE c.segment = 'SMB' AND d.due_date BETWEEN DATE '{from}' AND DATE '{to}'
            """);
        Assert.True(SmbDaysLate("2026-07-01", "2026-10-31") > SmbDaysLate("2024-01-01", "2025-12-31") + 12);
    }

    [Fact]
    public void Every_o2c_situation_occurs()
    {
        Assert.True(Scalar("SELECT count(*) FROM (SELECT document_id FROM applications GROUP BY document_id HAVING count(DISTINCT receipt_id) > 1)") > 20, "partial payments");
        Assert.True(Scalar("SELECT count(*) FROM (SELECT receipt_id FROM applications GROUP BY receipt_id HAVING count(*) > 1)") > 20, "one receipt paying several invoices");
        Assert.True(Scalar("SELECT count(*) FROM disputes WHERE dispute_kind = 'deduction'") > 20, "short payments opening deductions");
        Assert.True(Scalar("SELECT count(*) FROM documents WHERE document_type = 'credit_memo' AND corrects_document_id IS NOT NULL") > 50, "credit memos correcting invoices");
        Assert.Equal(7, Scalar("SELECT count(DISTINCT category) FROM disputes WHERE dispute_kind = 'dispute'"));
        Assert.True(Scalar("SELECT count(*) FROM disputes WHERE outcome = 'valid'") > 0 && Scalar("SELECT count(*) FROM disputes WHERE outcome = 'invalid'") > 0);
        Assert.True(Scalar("SELECT count(*) FROM promises_to_pay") > 20, "promises to pay");
        Assert.True(Scalar("SELECT count(*) FROM applications WHERE match_method = 'manual'") > 100, "manual cash application");
        Assert.True(Scalar("SELECT count(*) FROM receipts r WHERE NOT EXISTS (SELECT 1 FROM applications a WHERE a.receipt_id = r.receipt_id)") > 0, "unapplied cash");
        Assert.True(Scalar("SELECT count(*) FROM receipts WHERE customer_id IS NULL") > 0, "unidentified payers");
        Assert.True(Scalar("SELECT count(DISTINCT currency_code) FROM documents") >= 5, "several currencies");
        Assert.True(Scalar("SELECT count(DISTINCT bpo_team) FROM customers") >= 4, "collectors and BPO teams");
        Assert.True(Scalar("SELECT count(*) FROM write_offs") > 0, "write-offs");
        Assert.True(Scalar("SELECT count(*) FROM collection_activities WHERE activity_type = 'dunning_letter'") > 100, "dunning");
        Assert.Equal(1, Scalar($"SELECT count(*) FROM customers WHERE customer_name = '{CustomerFactory.FormulaInjectionName.Replace("'", "''")}'"));
    }

    [Fact]
    public void Promises_are_both_kept_and_broken()
    {
        // Kept: paid in full by the promised date + 2 days of grace.
        var kept = Scalar("""
            SELECT count(*) FROM promises_to_pay p
            WHERE (SELECT max(a.application_date) FROM applications a WHERE a.document_id = p.document_id) <= p.promised_pay_date + 2
            """);
        var total = Scalar("SELECT count(*) FROM promises_to_pay");
        Assert.InRange(kept, total / 5, total * 4 / 5);
    }

    [Fact]
    public void Month_end_and_seasonal_volume_swings_show()
    {
        // Invoices bunch in the last business week of a month.
        var lastWeekShare = _data.W.Warehouse.Scalar<decimal>(
            "SELECT avg(CASE WHEN last_day(document_date) - document_date <= 6 THEN 1 ELSE 0 END)::DECIMAL(5,3) FROM documents WHERE document_type = 'invoice'");
        Assert.InRange(lastWeekShare, 0.35m, 0.6m);
        // December volume above August's (month-of-year factors 1.15 vs 0.85).
        Assert.True(Scalar("SELECT count(*) FROM documents WHERE month(document_date) = 12") > Scalar("SELECT count(*) FROM documents WHERE month(document_date) = 8"));
    }
}
