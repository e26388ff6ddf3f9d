using O2C.Analytics.Extract;
using O2C.Analytics.Extract.Sources;
using O2C.Analytics.Load;
using O2C.Analytics.Pipeline;
using O2C.Analytics.Predict;
using O2C.Analytics.Tests.Support;
using O2C.Analytics.Storage;
using static O2C.Analytics.Tests.Support.CanonicalFiles;

namespace O2C.Analytics.Tests.Predict;

public class PaymentFeatureTests
{
    [Fact]
    public void A_feature_derived_from_the_settlement_date_is_refused()
    {
        foreach (var leaking in new[] { "days_to_pay", "days_late", "settled_date", "DaysToSettle", "days_since_settlement" })
        {
            var error = Assert.Throws<InvalidOperationException>(() => PaymentFeatures.Guard([.. PaymentFeatures.Numeric, leaking]));
            Assert.Contains("leaks the outcome", error.Message);
        }
        PaymentFeatures.Guard([.. PaymentFeatures.Numeric, .. PaymentFeatures.Categorical]); // the real list passes
    }

    /// <summary>
    /// C1: I1 invoiced 01-01, paid 03-01 (59 days); I2 invoiced 02-01, paid 02-10 (9 days); I3 invoiced 02-15.
    /// On 15 February only I2 had been paid: I3's history is I2 alone, although I1 was invoiced earlier.
    /// </summary>
    [Fact]
    public void History_features_see_only_invoices_paid_before_the_invoice_date()
    {
        using var w = new TempWarehouse();
        w.Write("customers.csv", Customers, Customer("C1"));
        w.Write("documents.csv", Documents,
            Invoice("I1", "C1", "2026-01-01", "2026-01-31", "100.00"), Invoice("I2", "C1", "2026-02-01", "2026-03-03", "300.00"),
            Invoice("I3", "C1", "2026-02-15", "2026-03-17", "600.00"));
        w.Write("receipts.csv", Receipts, "R1,C1,2026-03-01,2026-03-01,100.00,USD,ach,,I1", "R2,C1,2026-02-10,2026-02-10,300.00,USD,ach,,I2");
        w.Write("applications.csv", Applications, "A1,R1,I1,2026-03-01,100.00,auto", "A2,R2,I2,2026-02-10,300.00,auto");
        new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources);
        WarehouseRefresh.Run(w.Warehouse, SqlFolder.Default(), "USD");

        var rows = w.Warehouse.Query("""
            SELECT document_id, hist_count, coalesce(hist_mean_days_to_pay, -1), amount_ratio, coalesce(days_to_pay, -1)
            FROM fct_invoice_payment_features ORDER BY document_id
            """, r => $"{r.GetString(0)}:{r.GetInt64(1)}:{r.GetDouble(2)}:{r.GetDecimal(3):0.##}:{r.GetInt32(4)}");
        // I1 and I2: nothing paid before them. I3: I2 only (9 days; amount 600 / 300 = 2); its own outcome is unknown.
        Assert.Equal(["I1:0:-1:1:59", "I2:0:-1:1:9", "I3:1:9:2:-1"], rows);
    }
}

/// <summary>The model on the bundled sample, read from the warehouse the sample run left (nothing is written).</summary>
[Collection(SamplePackCollection.Name)]
public class SamplePaymentModelTests(SamplePackFixture run)
{
    [Fact]
    public void On_the_bundled_sample_the_model_beats_the_customer_median_on_newer_invoices_and_repeats_exactly()
    {
        using var w = run.OpenWarehouse();
        var first = new PaymentModelTrainer(w).Train();
        Console.WriteLine($"sample: {first}");
        Assert.True(first.ModelMae < first.BaselineMae, $"model MAE {first.ModelMae:0.00} vs baseline {first.BaselineMae:0.00}");
        Assert.True(first.ModelAuc > first.BaselineAuc, $"model AUC {first.ModelAuc:0.000} vs baseline {first.BaselineAuc:0.000}");
        Assert.True(first.BrierScore < first.BaselineBrierScore, $"Brier {first.BrierScore:0.000} vs baseline {first.BaselineBrierScore:0.000}");
        var second = new PaymentModelTrainer(w).Train(); // same seed, same metrics
        Assert.Equal(first with { Calibration = [] }, second with { Calibration = [] });
        Assert.Equal(first.Calibration, second.Calibration);
    }
}

public class PaymentModelTests
{
    /// <summary>
    /// Issue 19's acceptance on the IBM data through its mapping. Time split (trained on outcomes known before the
    /// date of the invoice at 80 %, tested on the invoices issued from it): MAE at most 5.6 days (the customer's
    /// median scores 6.20), late AUC at least 0.87, Brier at most 0.13. Rolling month-end cut-offs through 2013
    /// (the last with four weeks of cash after them): open-invoice MAE at most 0.9 x the median's, better in at
    /// least 9 of 11; 4-week cash WAPE of the open AR at most 20 %.
    /// </summary>
    [SharedDataFact]
    public void On_the_ibm_data_set_the_model_and_the_forecast_beat_the_customer_median()
    {
        using var w = new TempWarehouse();
        new SourceExtractor(w.Warehouse).Run(SourcesConfig.Load(Path.Combine(RepoPaths.DataSamples, "sources", "ibm-accounts-receivable.json")));
        WarehouseRefresh.Run(w.Warehouse, SqlFolder.Default(), "USD");
        var cutOffs = Enumerable.Range(1, 11).Select(m => new DateOnly(2013, m, 1).AddMonths(1).AddDays(-1)).ToList();
        var result = new PaymentBacktest(w.Warehouse, SqlFolder.Default(), new NoPredictionRules()).Run(cutOffs);
        var split = result.Split!;
        var (better, of) = result.CutOffsBeatingBaseline;
        var wape4 = BacktestResult.MeanOf(result.CutOffs.Select(c => c.CashWape(4)));
        Console.WriteLine($"ibm split: {split}; rolling MAE {result.PooledMae:0.00} vs {result.PooledBaselineMae:0.00}, better in {better} of {of}; 4-week WAPE {wape4:P1}");

        Assert.Equal(6.20, split.BaselineMae, 2);
        Assert.True(split.ModelMae <= 5.6, $"time split MAE {split.ModelMae:0.00}");
        Assert.True(split.ModelAuc >= 0.87 && split.BrierScore <= 0.13, $"late AUC {split.ModelAuc:0.000}, Brier {split.BrierScore:0.000}");
        Assert.Equal(11, of);
        Assert.True(better >= 9, $"better than the median in {better} of 11 cut-offs");
        Assert.True(result.PooledMae <= 0.9 * result.PooledBaselineMae, $"rolling MAE {result.PooledMae:0.00} vs median {result.PooledBaselineMae:0.00}");
        Assert.True(wape4 <= 0.20, $"4-week cash WAPE {wape4:P1}");
    }
}
