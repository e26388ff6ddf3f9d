using System.Globalization;
using System.Text;

namespace O2C.Analytics.CashApplication;

/// <summary>The study's result as Markdown tables: per kind, overall, and the calibration of the score.</summary>
public static class MatchEvaluationReport
{
    public static string Markdown(MatchEvaluationResult r)
    {
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"Remittance study: {r.Kinds.Sum(k => k.Credits):N0} credits on {r.Files.StatementFiles} statement files; {r.Receipts:N0} receipts matched, {r.AutoApplied:N0} applied automatically.");
        s.AppendLine();
        s.AppendLine("| Kind | Credits | With enough information | Applied | Right | Precision | Coverage | Wrong customer |");
        s.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var k in r.Kinds.Where(k => k.IsPayment))
            s.AppendLine(CultureInfo.InvariantCulture, $"| {k.Kind} | {k.Credits:N0} | {k.WithInformation:N0} | {k.Applied:N0} | {k.Right:N0} | {Pct(k.Precision)} | {Pct(k.Coverage)} | {k.WrongCustomer} |");
        s.AppendLine(CultureInfo.InvariantCulture, $"| **all payments** | {r.Kinds.Where(k => k.IsPayment).Sum(k => k.Credits):N0} | {r.Kinds.Sum(k => k.WithInformation):N0} | {r.Applied:N0} | {r.Right:N0} | {Pct(r.Precision)} | {Pct(r.Coverage)} | {r.WrongCustomer} |");
        s.AppendLine();
        s.AppendLine("| Credit that is no payment | Credits | Staged as receipts | Applied |");
        s.AppendLine("|---|---:|---:|---:|");
        foreach (var k in r.Kinds.Where(k => !k.IsPayment))
            s.AppendLine(CultureInfo.InvariantCulture, $"| {k.Kind} | {k.Credits:N0} | {k.StagedAsReceipts:N0} | {k.Applied:N0} |");
        s.AppendLine();
        s.AppendLine("| Score | Proposals | Right | Right share |");
        s.AppendLine("|---|---:|---:|---:|");
        foreach (var b in r.Calibration)
            s.AppendLine(CultureInfo.InvariantCulture, $"| {b.Band} | {b.Proposals:N0} | {b.Right:N0} | {Pct(b.RightShare)} |");
        return s.ToString();
    }

    private static string Pct(decimal? share) => share is { } v ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "–";
}
