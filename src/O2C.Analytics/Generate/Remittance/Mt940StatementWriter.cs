using System.Globalization;
using System.Text;

namespace O2C.Analytics.Generate.Remittance;

/// <summary>
/// Writes a month of one account's entries as MT940, a statement per business day. German banks (structured) put the
/// business code, SEPA keywords (EREF+, SVWZ+) and the payer in ?nn subfields of :86: (?20-?29 purpose in 27-character
/// pieces cut wherever they fall, ?31 the payer's IBAN, ?32-?33 its name); other banks write :86: as free text lines.
/// </summary>
internal static class Mt940StatementWriter
{
    public static void Write(string path, string account, string currency, bool structured, IEnumerable<IGrouping<DateOnly, StatementEntry>> days, decimal opening)
    {
        var lines = new List<string>();
        var balance = opening;
        var number = 0;
        foreach (var day in days)
        {
            number++;
            lines.Add($":20:STMT{day.Key:yyMMdd}");
            lines.Add($":25:{account}");
            lines.Add($":28C:{number:00000}/001");
            lines.Add($":60F:{Mark(balance)}{day.Key:yyMMdd}{currency}{Amount(Math.Abs(balance))}");
            foreach (var e in day)
            {
                // German banks name a return by its business code in :86:; others by the :61: type RTI (returned item).
                var type = e.IsReturn && !structured ? "NRTI" : e.Channel == "fee" ? "NCHG" : "NTRF";
                lines.Add($":61:{e.ValueDate:yyMMdd}{e.ValueDate:MMdd}{(e.Amount > 0 ? "C" : "D")}{Amount(Math.Abs(e.Amount))}{type}{e.EndToEndId ?? "NONREF"}//{e.BankReference}");
                lines.AddRange(structured ? Structured(e) : Free(e));
            }
            balance += day.Sum(e => e.Amount);
            lines.Add($":62F:{Mark(balance)}{day.Key:yyMMdd}{currency}{Amount(Math.Abs(balance))}");
            lines.Add("-");
        }
        File.WriteAllLines(path, lines, new UTF8Encoding(false));
    }

    private static IEnumerable<string> Structured(StatementEntry e)
    {
        var code = e.Channel switch { "refund_return" => "159", "dd_return" => "109", "fee" => "805", "payment_out" => "116", "wire" => "202", _ => "166" };
        var label = e.Channel switch
        {
            "refund_return" => "RUECKUEBERWEISUNG", "dd_return" => "RUECKLASTSCHRIFT", "fee" => "ENTGELT", "payment_out" => "UEBERWEISUNG",
            "wire" => "AUSLANDSUEBERWEISUNG", _ => "GUTSCHRIFT",
        };
        var purpose = (e.EndToEndId is { } e2e && e2e != "NOTPROVIDED" ? $"EREF+{e2e}" : "") + "SVWZ+" + (e.Text ?? "");
        var pieces = new List<string>();
        for (var i = 0; i < purpose.Length && pieces.Count < 10; i += 27) pieces.Add(purpose.Substring(i, Math.Min(27, purpose.Length - i)));
        // One subfield a line, as German banks write them.
        var lines = new List<string> { $":86:{code}?00{label}" };
        for (var i = 0; i < pieces.Count; i++) lines.Add($"?{20 + i}{pieces[i]}");
        if (e.PayerAccount is not null) lines.Add($"?31{e.PayerAccount.Replace(" ", "", StringComparison.Ordinal)}");
        if (e.PayerName is { } name)
        {
            lines.Add($"?32{name[..Math.Min(27, name.Length)]}");
            if (name.Length > 27) lines.Add($"?33{name[27..Math.Min(54, name.Length)]}");
        }
        return lines;
    }

    private static IEnumerable<string> Free(StatementEntry e)
    {
        var text = e.Channel switch
        {
            "refund_return" or "dd_return" => $"RETURN {e.Text}",
            _ => string.Join(" ", new[] { e.PayerName is null ? null : $"FROM {e.PayerName}", e.PayerAccount is null ? null : $"ACC {e.PayerAccount}", e.Text }
                .Where(s => !string.IsNullOrEmpty(s))),
        };
        // Free text is cut every 65 characters wherever that falls, mid-word too, six lines at most.
        var field = ":86:" + text;
        var lines = new List<string>();
        for (var i = 0; i < field.Length && lines.Count < 6; i += 65) lines.Add(field.Substring(i, Math.Min(65, field.Length - i)));
        return lines;
    }

    private static string Mark(decimal balance) => balance < 0 ? "D" : "C";

    private static string Amount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',');
}
