using System.Globalization;
using System.Xml.Linq;

namespace O2C.Analytics.Extract.Bank.Camt053;

/// <summary>
/// Reads an ISO 20022 camt.053 bank-to-customer statement (versions .001.02 to .001.08: the element names used
/// here are the same, namespaces are ignored). Every statement of the file is read; each booked entry becomes
/// one transaction, or one per transaction detail when a batched entry carries several. Opening balance plus
/// booked entries must equal the closing balance.
/// </summary>
public static class Camt053Reader
{
    public static BankStatementFile Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Parse(Path.GetFileName(path), stream);
    }

    public static BankStatementFile Parse(string fileName, Stream stream)
    {
        var document = SafeXml.Load(fileName, stream);
        var root = document.Root!;
        if (root.Name.LocalName != "Document" || !root.Name.NamespaceName.Contains("camt.053", StringComparison.Ordinal))
            throw new BankFormatException(fileName, root.Line(), $"not a camt.053 document (root {root.Name})");
        var report = root.Child("BkToCstmrStmt")
            ?? throw new BankFormatException(fileName, root.Line(), "no BkToCstmrStmt element");
        var statements = report.Children("Stmt").ToList();
        if (statements.Count == 0) throw new BankFormatException(fileName, report.Line(), "the file holds no statement (Stmt)");

        var result = new List<BankStatement>();
        var problems = new List<ControlTotalProblem>();
        foreach (var stmt in statements)
        {
            var account = stmt.Text("Acct", "Id", "IBAN") ?? stmt.Text("Acct", "Id", "Othr", "Id")
                ?? throw new BankFormatException(fileName, stmt.Line(), "a statement without an account id");
            var balances = stmt.Children("Bal").ToList();
            var currency = stmt.Text("Acct", "Ccy") ?? balances.Select(b => b.Child("Amt")?.Attribute("Ccy")?.Value).FirstOrDefault(c => c is not null) ?? "EUR";
            var opening = Balance(fileName, balances, "OPBD") ?? Balance(fileName, balances, "PRCD");
            var closing = Balance(fileName, balances, "CLBD");
            var asOf = closing?.Date ?? DateOf(fileName, stmt, stmt.Child("CreDtTm"))
                ?? throw new BankFormatException(fileName, stmt.Line(), "a statement without a closing balance date or creation time");

            var transactions = new List<BankTransaction>();
            var booked = 0m;
            foreach (var entry in stmt.Children("Ntry"))
            {
                var status = entry.Text("Sts", "Cd") ?? entry.Text("Sts") ?? "BOOK";
                if (status != "BOOK") continue; // pending and informational entries move no money yet
                var amount = Signed(fileName, entry);
                booked += amount;
                var entryCurrency = entry.Child("Amt")?.Attribute("Ccy")?.Value ?? currency;
                // RvslInd: the entry undoes an earlier one (a returned or recalled payment).
                var reversal = string.Equals(entry.Text("RvslInd"), "true", StringComparison.OrdinalIgnoreCase)
                    || IsReturn(entry.Text("BkTxCd", "Domn", "Fmly", "SubFmlyCd"));
                transactions.AddRange(Transactions(fileName, entry, account, entryCurrency, amount).Select(t => t with { IsReversal = reversal }));
            }
            if (opening is { } o && closing is { } c && o.Amount + booked != c.Amount)
                problems.Add(new ControlTotalProblem(stmt.Line(), $"statement {stmt.Text("Id")} opening balance + booked entries = closing balance",
                    c.Amount, o.Amount + booked));
            result.Add(new BankStatement(account, currency, stmt.Text("Id"), asOf, opening?.Amount, closing?.Amount, transactions));
        }
        return new BankStatementFile(fileName, "camt.053", result, problems);
    }

    /// <summary>
    /// ISO bank transaction sub-families of entries that undo an earlier one without always saying so in RvslInd:
    /// reversal due to a payment return (RRTN; a refund of ours bounced back), to a returned or unpaid direct debit
    /// (UPDD), to a cancellation request (RPCR), ACH return and reversal (ARET, AREV).
    /// </summary>
    private static bool IsReturn(string? subFamily) => subFamily is "RRTN" or "UPDD" or "RPCR" or "ARET" or "AREV";

    private static IEnumerable<BankTransaction> Transactions(string fileName, XElement entry, string account, string currency, decimal amount)
    {
        var valueDate = DateOf(fileName, entry, entry.Child("ValDt")) ?? DateOf(fileName, entry, entry.Child("BookgDt"))
            ?? throw new BankFormatException(fileName, entry.Line(), "an entry without a value or booking date");
        var bookingDate = DateOf(fileName, entry, entry.Child("BookgDt"));
        var typeCode = entry.Text("BkTxCd", "Domn", "Fmly", "Cd") is { } family
            ? $"{entry.Text("BkTxCd", "Domn", "Cd")}/{family}/{entry.Text("BkTxCd", "Domn", "Fmly", "SubFmlyCd")}"
            : entry.Text("BkTxCd", "Prtry", "Cd") ?? "";
        var details = entry.Children("NtryDtls").SelectMany(d => d.Children("TxDtls")).ToList();
        var sign = amount < 0 ? -1 : 1;
        var detailAmounts = details.Select(d => DetailAmount(fileName, d)).ToList();
        // Several details that carry their own amounts and add up to the entry: one transaction each (a batch).
        var split = details.Count > 1 && detailAmounts.All(a => a is not null) && detailAmounts.Sum() == Math.Abs(amount);
        if (!split)
        {
            var first = details.FirstOrDefault();
            yield return Transaction(entry, first, account, currency, valueDate, bookingDate, amount, typeCode,
                string.Join(" ", details.Select(Remittance).Where(r => r is not null)) is { Length: > 0 } joined ? joined : entry.Text("AddtlNtryInf"));
            yield break;
        }
        for (var i = 0; i < details.Count; i++)
            yield return Transaction(entry, details[i], account, currency, valueDate, bookingDate, sign * detailAmounts[i]!.Value, typeCode, Remittance(details[i]));
    }

    private static BankTransaction Transaction(XElement entry, XElement? detail, string account, string currency, DateOnly valueDate,
        DateOnly? bookingDate, decimal amount, string typeCode, string? remittance)
    {
        var party = amount > 0 ? "Dbtr" : "Cdtr";
        var counterparty = detail.Text("RltdPties", party, "Nm") ?? detail.Text("RltdPties", party, "Pty", "Nm");
        // The payer's account: DbtrAcct (CdtrAcct for a debit), by IBAN or another scheme's id.
        var counterpartyAccount = detail.Text("RltdPties", party + "Acct", "Id", "IBAN") ?? detail.Text("RltdPties", party + "Acct", "Id", "Othr", "Id");
        return new BankTransaction(account, currency, valueDate, bookingDate, amount, typeCode,
            detail.Text("Refs", "AcctSvcrRef") ?? entry.Text("AcctSvcrRef"), detail.Text("Refs", "EndToEndId"),
            remittance, counterparty, detail?.Line() ?? entry.Line(), CounterpartyAccount: counterpartyAccount);
    }

    /// <summary>Structured references first (creditor reference, referred document numbers), then unstructured text.</summary>
    private static string? Remittance(XElement detail)
    {
        var info = detail.Child("RmtInf");
        if (info is null) return null;
        var parts = info.Children("Strd").SelectMany(s =>
                s.Children("CdtrRefInf").Select(r => r.Text("Ref")).Concat(s.Children("RfrdDocInf").Select(r => r.Text("Nb"))))
            .Concat(info.Children("Ustrd").Select(u => u.Value.Trim()))
            .Where(p => !string.IsNullOrEmpty(p));
        var text = string.Join(" ", parts);
        return text.Length == 0 ? null : text;
    }

    private static decimal? DetailAmount(string fileName, XElement detail)
    {
        var element = detail.Child("Amt") ?? detail.Child("AmtDtls", "TxAmt", "Amt");
        return element is null ? null : Number(fileName, element);
    }

    private static decimal Signed(string fileName, XElement entry)
    {
        var amount = Number(fileName, entry.Child("Amt") ?? throw new BankFormatException(fileName, entry.Line(), "an entry without an amount"));
        return entry.Text("CdtDbtInd") switch
        {
            "CRDT" => amount,
            "DBIT" => -amount,
            var other => throw new BankFormatException(fileName, entry.Line(), $"credit/debit indicator '{other}' is neither CRDT nor DBIT"),
        };
    }

    private static (decimal Amount, DateOnly? Date)? Balance(string fileName, List<XElement> balances, string code)
    {
        var balance = balances.FirstOrDefault(b => b.Text("Tp", "CdOrPrtry", "Cd") == code);
        if (balance is null) return null;
        var amount = Number(fileName, balance.Child("Amt") ?? throw new BankFormatException(fileName, balance.Line(), "a balance without an amount"));
        return (balance.Text("CdtDbtInd") == "DBIT" ? -amount : amount, DateOf(fileName, balance, balance.Child("Dt")));
    }

    private static decimal Number(string fileName, XElement element) =>
        decimal.TryParse(element.Value.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)
            ? d
            : throw new BankFormatException(fileName, element.Line(), $"'{element.Value.Trim()}' is not an amount");

    /// <summary>A date from a Dt or DtTm child (the date part of a date-time, as the bank wrote it).</summary>
    private static DateOnly? DateOf(string fileName, XElement owner, XElement? holder)
    {
        if (holder is null) return null;
        var text = holder.Text("Dt") ?? holder.Text("DtTm") ?? holder.Value.Trim();
        if (text.Length >= 10 && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        throw new BankFormatException(fileName, holder.Line(), $"'{text}' is not an ISO date");
    }
}
