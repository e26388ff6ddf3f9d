using System.Globalization;
using System.Xml.Linq;

namespace O2C.Analytics.Generate.Remittance;

/// <summary>
/// Writes a month of one account's entries as camt.053, version .001.02 or .001.08 (a statement per business day). The
/// versions differ where banks' files differ: .08 nests the status code (Sts/Cd) and the party's name (Dbtr/Pty/Nm).
/// References go structured (RfrdDocInf/Nb, CdtrRefInf/Ref) or unstructured (Ustrd); returns carry the bank
/// transaction sub-family RRTN (a transfer of ours returned) or UPDD (a direct debit of ours returned unpaid).
/// </summary>
internal static class Camt053StatementWriter
{
    public static void Write(string path, string account, string currency, string version, IEnumerable<IGrouping<DateOnly, StatementEntry>> days, decimal opening)
    {
        XNamespace ns = $"urn:iso:std:iso:20022:tech:xsd:camt.053.001.{version}";
        var v8 = version == "08";
        var report = new XElement(ns + "BkToCstmrStmt",
            new XElement(ns + "GrpHdr", new XElement(ns + "MsgId", Path.GetFileNameWithoutExtension(path)), new XElement(ns + "CreDtTm", $"{days.Last().Key:yyyy-MM-dd}T23:59:00")));
        var balance = opening;
        foreach (var day in days)
        {
            var closing = balance + day.Sum(e => e.Amount);
            var accountId = account.StartsWith("GB", StringComparison.Ordinal) || account.StartsWith("DE", StringComparison.Ordinal)
                ? new XElement(ns + "IBAN", account) : new XElement(ns + "Othr", new XElement(ns + "Id", account));
            var stmt = new XElement(ns + "Stmt",
                new XElement(ns + "Id", $"{account}-{day.Key:yyyyMMdd}"),
                new XElement(ns + "CreDtTm", $"{day.Key:yyyy-MM-dd}T23:59:00"),
                new XElement(ns + "Acct", new XElement(ns + "Id", accountId), new XElement(ns + "Ccy", currency)),
                Balance(ns, "OPBD", balance, currency, day.Key), Balance(ns, "CLBD", closing, currency, day.Key));
            foreach (var e in day) stmt.Add(Entry(ns, v8, e));
            report.Add(stmt);
            balance = closing;
        }
        new XDocument(new XDeclaration("1.0", "UTF-8", null), new XElement(ns + "Document", report)).Save(path);
    }

    private static XElement Balance(XNamespace ns, string code, decimal amount, string currency, DateOnly date) =>
        new(ns + "Bal",
            new XElement(ns + "Tp", new XElement(ns + "CdOrPrtry", new XElement(ns + "Cd", code))),
            new XElement(ns + "Amt", new XAttribute("Ccy", currency), Number(Math.Abs(amount), currency)),
            new XElement(ns + "CdtDbtInd", amount < 0 ? "DBIT" : "CRDT"),
            new XElement(ns + "Dt", new XElement(ns + "Dt", $"{date:yyyy-MM-dd}")));

    private static XElement Entry(XNamespace ns, bool v8, StatementEntry e)
    {
        var credit = e.Amount > 0;
        var (family, sub) = e.Channel switch
        {
            "refund_return" => ("ICDT", "RRTN"), "dd_return" => ("IDDT", "UPDD"), "fee" => ("CCRD", "CHRG"),
            "payment_out" => ("ICDT", "ESCT"), "other" => ("RCDT", "XBCT"), "wire" => ("RCDT", "XBCT"), _ => ("RCDT", e.Currency == "EUR" ? "ESCT" : "XBCT"),
        };
        var party = credit ? "Dbtr" : "Cdtr";
        var details = new XElement(ns + "TxDtls", new XElement(ns + "Refs", new XElement(ns + "AcctSvcrRef", e.BankReference),
            new XElement(ns + "EndToEndId", e.EndToEndId ?? "NOTPROVIDED")));
        if (e.PayerName is not null || e.PayerAccount is not null)
        {
            var parties = new XElement(ns + "RltdPties");
            if (e.PayerName is not null)
                parties.Add(v8 ? new XElement(ns + party, new XElement(ns + "Pty", new XElement(ns + "Nm", e.PayerName))) : new XElement(ns + party, new XElement(ns + "Nm", e.PayerName)));
            if (e.PayerAccount is not null)
                parties.Add(new XElement(ns + (party + "Acct"), new XElement(ns + "Id",
                    e.PayerAccount.StartsWith("GB", StringComparison.Ordinal) || e.PayerAccount.StartsWith("DE", StringComparison.Ordinal)
                        ? new XElement(ns + "IBAN", e.PayerAccount) : new XElement(ns + "Othr", new XElement(ns + "Id", e.PayerAccount)))));
            details.Add(parties);
        }
        if (e.StructuredReferences.Count > 0 || !string.IsNullOrEmpty(e.Text))
        {
            var info = new XElement(ns + "RmtInf");
            if (!string.IsNullOrEmpty(e.Text)) info.Add(new XElement(ns + "Ustrd", e.Text.Length > 140 ? e.Text[..140] : e.Text));
            foreach (var reference in e.StructuredReferences)
                info.Add(reference.StartsWith("RF", StringComparison.Ordinal)
                    ? new XElement(ns + "Strd", new XElement(ns + "CdtrRefInf",
                        new XElement(ns + "Tp", new XElement(ns + "CdOrPrtry", new XElement(ns + "Cd", "SCOR"))), new XElement(ns + "Ref", reference)))
                    : new XElement(ns + "Strd", new XElement(ns + "RfrdDocInf",
                        new XElement(ns + "Tp", new XElement(ns + "CdOrPrtry", new XElement(ns + "Cd", "CINV"))), new XElement(ns + "Nb", reference))));
            details.Add(info);
        }
        return new XElement(ns + "Ntry",
            new XElement(ns + "Amt", new XAttribute("Ccy", e.Currency), Number(Math.Abs(e.Amount), e.Currency)),
            new XElement(ns + "CdtDbtInd", credit ? "CRDT" : "DBIT"),
            e.IsReturn ? new XElement(ns + "RvslInd", "false") : null,
            v8 ? new XElement(ns + "Sts", new XElement(ns + "Cd", "BOOK")) : new XElement(ns + "Sts", "BOOK"),
            new XElement(ns + "BookgDt", new XElement(ns + "Dt", $"{e.ValueDate:yyyy-MM-dd}")),
            new XElement(ns + "ValDt", new XElement(ns + "Dt", $"{e.ValueDate:yyyy-MM-dd}")),
            new XElement(ns + "AcctSvcrRef", e.BankReference),
            new XElement(ns + "BkTxCd", new XElement(ns + "Domn", new XElement(ns + "Cd", "PMNT"),
                new XElement(ns + "Fmly", new XElement(ns + "Cd", family), new XElement(ns + "SubFmlyCd", sub)))),
            new XElement(ns + "NtryDtls", details));
    }

    private static string Number(decimal amount, string currency) => amount.ToString(currency == "JPY" ? "0" : "0.00", CultureInfo.InvariantCulture);
}
