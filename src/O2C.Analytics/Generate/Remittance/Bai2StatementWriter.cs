using System.Globalization;
using System.Text;

namespace O2C.Analytics.Generate.Remittance;

/// <summary>
/// Writes a month of one account's entries as a BAI2 file: a group per business day with the account's opening and
/// closing ledger balances, one 16 record per entry (type code by channel, value-dated), trailers with control totals and
/// record counts. Payer and remittance are in the text as US banks write them: ACH "ORIG CO NAME:... ORIG ID:... ADDENDA
/// RMR*IV*...", wires "ORG=... OBI=...", cheques with their number.
/// </summary>
internal static class Bai2StatementWriter
{
    public static void Write(string path, string account, string currency, IEnumerable<IGrouping<DateOnly, StatementEntry>> days, decimal opening)
    {
        var lines = new List<string> { $"01,O2CBANK,O2CSTUDY,{days.First().Key:yyMMdd},0500,1,,,2" };
        var balance = opening;
        long fileTotal = 0;
        var groups = 0;
        foreach (var day in days)
        {
            groups++;
            var start = lines.Count;
            lines.Add($"02,O2CSTUDY,O2CBANK,1,{day.Key:yyMMdd},2359,{currency},2");
            var closing = balance + day.Sum(e => e.Amount);
            var accountStart = lines.Count;
            lines.Add($"03,{account},{currency},010,{Cents(balance)},,,015,{Cents(closing)},,");
            long accountTotal = Cents(balance) + Cents(closing);
            foreach (var e in day)
            {
                var code = Code(e);
                lines.Add($"16,{code},{Cents(Math.Abs(e.Amount))},V,{e.ValueDate:yyMMdd},,{e.BankReference},{CustomerReference(e)},{Text(e)}");
                accountTotal += Cents(Math.Abs(e.Amount));
            }
            lines.Add($"49,{accountTotal},{lines.Count - accountStart + 1}");
            lines.Add($"98,{accountTotal},1,{lines.Count - start + 1}");
            fileTotal += accountTotal;
            balance = closing;
        }
        lines.Add($"99,{fileTotal},{groups},{lines.Count + 1}");
        File.WriteAllLines(path, lines, new UTF8Encoding(false));
    }

    private static string Code(StatementEntry e) => e.Channel switch
    {
        "ach" => "165", "wire" => "195", "check" => "175", "sepa" => "195",
        "refund_return" => "266", "dd_return" => "261", "other" => e.Text!.StartsWith("INTEREST", StringComparison.Ordinal) ? "354" : "399",
        "payment_out" => "495", "fee" => "698",
        _ => e.Amount > 0 ? "399" : "699",
    };

    // A cheque's serial number, from the bank's reference (stable from run to run, unlike string.GetHashCode).
    private static string CustomerReference(StatementEntry e) =>
        e.Channel == "check" ? $"{e.BankReference.Aggregate(17L, (h, c) => (h * 31 + c) % 900_000) + 100_000}" : "";

    private static string Text(StatementEntry e)
    {
        var remittance = string.Join(" ", new[] { e.Text, e.Edi }.Where(s => !string.IsNullOrEmpty(s)));
        var name = e.PayerName is null ? null : Truncate(e.PayerName.ToUpperInvariant(), e.Channel == "ach" ? 16 : 35);
        var text = e.Channel switch
        {
            "ach" => $"ORIG CO NAME:{name} ORIG ID:{e.PayerAccount} DESC DATE:{e.ValueDate:yyMMdd} ENTRY DESCR:PAYMENT" + (remittance.Length > 0 ? $" ADDENDA:{remittance}" : ""),
            "wire" or "sepa" => $"ORG={name} ACCT={e.PayerAccount}" + (remittance.Length > 0 ? $" OBI={remittance}" : ""),
            "check" => $"CHECK DEPOSIT {name}" + (remittance.Length > 0 ? $" MEMO {remittance}" : ""),
            _ => (name is null ? "" : name + " ") + remittance,
        };
        return text.Replace(",", " ", StringComparison.Ordinal).Replace("/", " ", StringComparison.Ordinal);
    }

    private static string Truncate(string s, int n) => s.Length <= n ? s : s[..n].TrimEnd();

    private static long Cents(decimal amount) => (long)Math.Round(amount * 100m);
}
