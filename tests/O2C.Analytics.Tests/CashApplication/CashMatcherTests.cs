using O2C.Analytics.CashApplication;
using O2C.Analytics.Generate;
using O2C.Analytics.Load;
using O2C.Analytics.Tests.Support;
using static O2C.Analytics.Tests.Support.CanonicalFiles;

namespace O2C.Analytics.Tests.CashApplication;

public class CashMatcherTests
{
    /// <summary>
    /// A generated history loaded without its applications: every receipt waits to be matched. The generator's truth
    /// file says which documents each receipt really paid; remittance carries its realistic noise (bare numbers,
    /// O-for-0 slips, nothing at all).
    /// </summary>
    [Fact]
    public void On_generated_data_auto_matches_are_right_at_least_99_5_percent_and_cover_90_percent()
    {
        using var w = new TempWarehouse();
        SampleGenerator.Run(new GeneratorOptions(400, 24, 3, w.Sources, new DateOnly(2024, 11, 1)));
        File.Delete(Path.Combine(w.Sources, "applications.csv"));
        new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources);
        w.Warehouse.Execute($"CREATE TEMP TABLE truth AS SELECT * FROM read_csv('{Path.Combine(w.Sources, "_truth", "receipt_documents.csv")}', all_varchar = true)");

        var result = new CashMatcher(w.Warehouse).Run(new CashMatchOptions(new DateOnly(2026, 11, 1)));

        var receipts = w.Count("receipts");
        var pairs = w.Warehouse.Scalar<long>("SELECT count(*) FROM (SELECT DISTINCT receipt_id, document_id FROM applications)");
        var right = w.Warehouse.Scalar<long>("""
            SELECT count(*) FROM (SELECT DISTINCT receipt_id, document_id FROM applications) a
            WHERE EXISTS (SELECT 1 FROM truth t WHERE t.receipt_id = a.receipt_id AND t.document_id = a.document_id)
            """);
        var precision = (decimal)right / pairs;
        var coverage = (decimal)result.AutoApplied / receipts;
        Console.WriteLine($"cash matching: receipts {receipts}, auto-applied {result.AutoApplied} ({coverage:P2}), exceptions {result.Exceptions}; " +
                          $"pairs {pairs}, right {right}, wrong {pairs - right} (precision {precision:P3}); deductions {result.Deductions}; " +
                          $"by rule {string.Join(", ", result.AutoAppliedByRule.OrderByDescending(r => r.Value).Select(r => $"{r.Key} {r.Value}"))}");
        Assert.True(precision >= 0.995m, $"precision {precision:P3}");
        Assert.True(coverage >= 0.90m, $"coverage {coverage:P2}");
        Assert.Equal(result.Exceptions, (int)w.Count("cash_match_exceptions"));
        Assert.Equal(receipts, w.Count("cash_match_decisions"));
        // Nothing applied beyond any receipt's amount.
        Assert.Equal(0, w.Warehouse.Scalar<long>("""
            SELECT count(*) FROM (SELECT receipt_id, sum(amount) AS applied FROM applications GROUP BY 1) a
            JOIN receipts r USING (receipt_id) WHERE a.applied > r.amount
            """));
    }

    [Fact]
    public void Each_rule_on_receipts_built_for_it()
    {
        using var w = new TempWarehouse();
        w.Write("customers.csv", Customers, Customer("C1"), Customer("C2"));
        w.Write("documents.csv", Documents,
            Invoice("INV-0000101", "C1", "2026-09-01", "2026-10-01", "1000.00"),
            Invoice("INV-0000102", "C1", "2026-09-02", "2026-10-02", "250.00"),
            Invoice("INV-0000103", "C1", "2026-09-03", "2026-10-03", "400.00"),
            Invoice("INV-0000104", "C1", "2026-09-04", "2026-10-04", "800.00"),
            Invoice("INV-0000201", "C2", "2026-09-05", "2026-10-05", "640.00"),
            Invoice("INV-0000202", "C2", "2026-09-06", "2026-10-06", "300.00"),
            Invoice("INV-0000203", "C2", "2026-09-07", "2026-10-07", "300.00"));
        w.Write("receipts.csv", Receipts,
            "R1,C1,2026-10-01,2026-10-01,1000.00,USD,ach,,PAYMENT INV-0000101",          // exact reference
            "R2,,2026-10-02,2026-10-02,650.00,USD,ach,,INV-OOOO1O2 INV-0000103",         // OCR slips, unidentified payer, two invoices
            "R3,C1,2026-10-03,2026-10-03,760.00,USD,ach,,INV-0000104",                   // short by 40 (5 %): deduction
            "R4,C2,2026-10-04,2026-10-04,640.00,USD,wire,,",                            // no remittance: unique amount of C2
            "R5,C2,2026-10-05,2026-10-05,300.00,USD,wire,,");                           // two open items of 300: ambiguous
        new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources);

        var result = new CashMatcher(w.Warehouse).Run(new CashMatchOptions(new DateOnly(2026, 10, 6)));

        Assert.Equal((5, 4, 1), (result.ReceiptsConsidered, result.AutoApplied, result.Exceptions));
        Assert.Equal(
            ["R1|INV-0000101|1000.000", "R2|INV-0000102|250.000", "R2|INV-0000103|400.000", "R3|INV-0000104|760.000", "R4|INV-0000201|640.000"],
            w.Warehouse.Query("SELECT receipt_id || '|' || document_id || '|' || amount FROM applications ORDER BY 1", r => r.GetString(0)));
        Assert.Equal("C1", w.Warehouse.Scalar<string>("SELECT customer_id FROM receipts WHERE receipt_id = 'R2'")); // payer identified
        Assert.Equal("INV-0000104|40.000", w.Warehouse.Scalar<string>("SELECT document_id || '|' || amount FROM disputes WHERE dispute_kind = 'deduction'"));
        Assert.Equal(["R1:exact_reference", "R2:fuzzy_reference", "R3:exact_reference+short_payment", "R4:amount_and_customer", "R5:none"],
            w.Warehouse.Query("SELECT receipt_id || ':' || rule FROM cash_match_decisions ORDER BY 1", r => r.GetString(0)));
        var exception = w.Warehouse.Scalar<string>("SELECT receipt_id || ' ' || candidates FROM cash_match_exceptions");
        Assert.StartsWith("R5 INV-0000202:0.70, INV-0000203:0.70", exception);
        // For the incremental refresh: the applications are dated 6 October, but R2's payer, now C1, is C1's from
        // R2's value date, 2 October.
        Assert.Equal("cash matching run 1|2026-10-02|false",
            w.Warehouse.Scalar<string>("SELECT changed_by || '|' || earliest_fact_date || '|' || whole_history FROM fact_changes ORDER BY change_id DESC LIMIT 1"));
    }
}
