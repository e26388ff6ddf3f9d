using O2C.Analytics.CashApplication;
using O2C.Analytics.Generate.Remittance;

namespace O2C.Analytics.Tests.CashApplication;

/// <summary>
/// Issue 24's acceptance, on a small study (150 customers; `o2c match evaluate` runs the 400 of the note): statements
/// in BAI2, camt.053 .02/.08 and MT940 written the ways payers remit, loaded by the product's own extractor and matched
/// once. Every kind of payment is applied right at least 99.5 % of the time when applied, and at least 90 % of the
/// payments that say enough are applied; nothing goes to a customer other than the payer's; no return is a receipt.
/// </summary>
public sealed class RemittanceStudyTests
{
    [Fact]
    public void Every_kind_is_matched_precisely_and_mostly_and_never_to_another_customer()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"o2c-study-{Guid.NewGuid():N}");
        try
        {
            var result = MatchEvaluation.Run(folder, customers: 150, seed: 5);
            var payments = result.Kinds.Where(k => k.IsPayment && k.WithInformation > 0).ToList();
            Assert.Equal(13, payments.Count); // every kind of payment with information occurs
            Assert.All(payments, k => Assert.True(k.Precision is null or >= 0.995m, $"{k.Kind}: precision {k.Precision:P1} ({k.Right} of {k.Applied})"));
            Assert.All(payments, k => Assert.True(k.Coverage >= 0.90m, $"{k.Kind}: coverage {k.Coverage:P1} ({k.RightWithInformation} of {k.WithInformation})"));
            Assert.Equal(0, result.WrongCustomer);
            var returns = result.Kinds.Single(k => k.Kind == RemittanceKind.Return.Code);
            Assert.True(returns.Credits > 0);
            Assert.Equal(0, returns.StagedAsReceipts);
            Assert.Equal(0, result.Kinds.Single(k => k.Kind == RemittanceKind.OtherCredit.Code).Applied);
            Assert.Equal(0, result.Kinds.Single(k => k.Kind == RemittanceKind.NoInformation.Code).Applied);
            var duplicates = result.Kinds.Single(k => k.Kind == RemittanceKind.Duplicate.Code);
            Assert.True(duplicates.Credits > 0);
            Assert.Equal(0, duplicates.Applied); // a second payment of a settled invoice pays no other open item
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_same_seed_writes_the_same_statements()
    {
        var a = Path.Combine(Path.GetTempPath(), $"o2c-study-{Guid.NewGuid():N}");
        var b = Path.Combine(Path.GetTempPath(), $"o2c-study-{Guid.NewGuid():N}");
        try
        {
            var files = RemittanceStudy.Write(a, 60, 9);
            RemittanceStudy.Write(b, 60, 9);
            Assert.Equal(6 * 3, files.StatementFiles); // six accounts, September to November
            foreach (var path in Directory.EnumerateFiles(a, "*", SearchOption.AllDirectories))
                Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(Path.Combine(b, Path.GetRelativePath(a, path))));
        }
        finally
        {
            foreach (var f in new[] { a, b }) if (Directory.Exists(f)) Directory.Delete(f, recursive: true);
        }
    }
}
