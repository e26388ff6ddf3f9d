using O2C.Analytics.Storage;
using System.Globalization;

namespace O2C.Analytics.CashApplication;

/// <summary>
/// Matches receipts that are not (fully) applied to open invoices and debit memos, and applies the confident
/// matches: document references in the remittance (exact, with typing/OCR slips, or bare numbers), one receipt
/// paying several referenced invoices (the subset that adds up), short payments (applied with a deduction for the
/// rest), and, without references, a unique open amount of the same customer. Below the threshold a receipt goes
/// to the exception queue with its candidates. Every decision is logged with its rule, score and inputs.
/// </summary>
public sealed class CashMatcher(Warehouse warehouse)
{
    private sealed record Receipt(string Id, string? Customer, DateOnly ValueDate, string Currency, decimal Remaining, string? Remittance,
        string? PayerName, string? PayerAccount, DateOnly PostedDate, string Method);

    private sealed record Proposal(string Rule, decimal Score, List<(OpenDocument Document, decimal Amount)> Applications, List<Adjustment> Adjustments,
        string? Customer, string? Note = null)
    {
        public decimal Deduction => Adjustments.Where(a => a.IsDeduction).Sum(a => a.Amount);
    }

    /// <summary>What the matcher knows besides the documents: discount terms per customer, minor units per currency.</summary>
    private sealed record Context(IReadOnlyDictionary<string, DiscountTerms> Terms, IReadOnlyDictionary<string, int> MinorUnits, CashMatchOptions Options);

    public CashMatchResult Run(CashMatchOptions options)
    {
        var documents = OpenDocuments.Read(warehouse);
        var byCustomer = documents.ToLookup(d => d.Customer);
        var receipts = UnappliedReceipts();
        var references = new ReferenceResolver(documents.ToLookup(d => RemittanceReferences.NumberOf(d.Id)),
            SettledDocuments(receipts.Count == 0 ? null : receipts.Min(r => r.ValueDate)));
        var payers = new PayerDirectory(warehouse);
        var context = new Context(
            warehouse.Query("SELECT customer_id, cash_discount_pct, cash_discount_days FROM customers WHERE cash_discount_pct IS NOT NULL",
                r => (r.GetString(0), new DiscountTerms(r.GetDecimal(1), r.GetInt32(2)))).ToDictionary(t => t.Item1, t => t.Item2),
            warehouse.Query("SELECT currency_code, minor_units FROM currencies", r => (r.GetString(0), r.GetInt32(1))).ToDictionary(t => t.Item1, t => t.Item2),
            options);
        using var transaction = warehouse.BeginTransaction();
        var runId = ReceiptPayer.NextRunId(warehouse);
        int auto = 0, exceptions = 0, deductions = 0, writeOffs = 0, sequence = 0;
        var applied = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        var byRule = new Dictionary<string, int>();
        var pendingExceptions = new List<(Receipt Receipt, decimal Score, string Candidates)>();
        using var applications = warehouse.Connection.CreateAppender("applications");
        using var log = warehouse.Connection.CreateAppender("cash_match_decisions");
        var now = DateTime.UtcNow;
        var changes = new FactChanges(warehouse);
        void Log(Receipt receipt, string decision, Proposal proposal, string inputs)
        {
            var row = log.CreateRow().AppendValue(runId).AppendValue(receipt.Id).AppendValue(decision).AppendValue(proposal.Rule)
                .AppendValue(Math.Round(proposal.Score, 4)).AppendValue(string.Join(",", proposal.Applications.Select(a => a.Document.Id)));
            row = proposal.Applications.Count == 0 ? row.AppendNullValue() : row.AppendValue(proposal.Applications.Sum(a => a.Amount));
            row = proposal.Deduction == 0 ? row.AppendNullValue() : row.AppendValue(proposal.Deduction);
            row.AppendValue(inputs).AppendValue(now).EndRow();
        }
        foreach (var receipt in receipts)
        {
            var payer = receipt.Customer is null
                ? payers.Identify(receipt.PayerName, receipt.PayerAccount) ?? (receipt.PayerName is null ? payers.InText(receipt.Remittance) : null)
                : null;
            // The customer: stated on the receipt, or named by the statement's payer name or account. A known payer's
            // references name its own documents only; one naming another customer's is a conflict for a person.
            var customer = receipt.Customer ?? payer?.Customer;
            var referenced = references.Resolve(receipt.Remittance, receipt.Remaining, receipt.Currency, customer);
            var proposal = Propose(receipt, customer, payer, referenced, byCustomer, context, references);
            var inputs = $"remittance='{receipt.Remittance}'; amount={N(receipt.Remaining)} {receipt.Currency}; customer={receipt.Customer ?? "unidentified"}; " +
                         $"payer='{receipt.PayerName}' account='{receipt.PayerAccount}' identified={(payer is null ? "no" : $"{payer.Customer} by {payer.Rule}")}; " +
                         $"open={string.Join(",", proposal.Applications.Select(a => $"{a.Document.Id}:{N(a.Document.Open)}"))}" +
                         (proposal.Adjustments.Count == 0 ? "" : "; " + string.Join(", ", proposal.Adjustments.Select(a => $"{a.Reason} {a.Document.Id}:{N(a.Amount)}"))) +
                         (proposal.Note is null ? "" : $"; {proposal.Note}");
            if (proposal.Applications.Count > 0 && proposal.Score >= options.AutoApplyThreshold)
            {
                // Dated the run's day, or (catching up on statements) the day each receipt was posted, as a daily run would have.
                var applicationDate = options.DateAsPosted ? receipt.PostedDate : options.ApplicationDate;
                foreach (var (document, amount) in proposal.Applications)
                {
                    applications.CreateRow().AppendValue($"MATCH-{runId}-{++sequence}").AppendValue(receipt.Id).AppendValue(document.Id)
                        .AppendValue(applicationDate).AppendValue(amount).AppendValue("auto")
                        .AppendValue(SourceOf(runId)).AppendValue((long)sequence).AppendValue(0L).EndRow();
                    document.Open -= amount;
                }
                // What the payer kept: a deduction for the customer to answer, or a discount or bank charge written off.
                var kept = 0;
                foreach (var adjustment in proposal.Adjustments)
                {
                    var suffix = ++kept == 1 ? "" : $"-{kept}";
                    if (adjustment.IsDeduction)
                        warehouse.Execute("""
                            INSERT INTO disputes VALUES ($id, 'deduction', $doc, $customer, $category, $amount, $currency, $date, NULL, NULL, NULL, NULL,
                                                         'client', $source, $line, 0)
                            """, ("id", $"DED-MATCH-{runId}-{receipt.Id}{suffix}"), ("doc", adjustment.Document.Id), ("customer", adjustment.Document.Customer),
                            ("category", adjustment.Reason), ("source", SourceOf(runId)), ("line", (long)++deductions),
                            ("amount", adjustment.Amount), ("currency", receipt.Currency), ("date", applicationDate));
                    else
                        warehouse.Execute("INSERT INTO write_offs VALUES ($id, $doc, $date, $amount, $reason, $source, $line, 0)",
                            ("id", $"WO-MATCH-{runId}-{receipt.Id}{suffix}"), ("doc", adjustment.Document.Id), ("date", applicationDate),
                            ("amount", adjustment.Amount), ("reason", adjustment.Reason), ("source", SourceOf(runId)), ("line", (long)++writeOffs));
                    adjustment.Document.Open -= adjustment.Amount;
                }
                // Applications and deductions are dated the run's application date; a payer identified changes the
                // receipt's customer from its value date on.
                changes.NoteDate(applicationDate);
                if (receipt.Customer is null && proposal.Customer is not null)
                    ReceiptPayer.Name(warehouse, changes, receipt.Id, receipt.ValueDate, proposal.Customer, runId, now);
                auto++;
                applied[receipt.Currency] = applied.GetValueOrDefault(receipt.Currency) + proposal.Applications.Sum(a => a.Amount);
                byRule[proposal.Rule] = byRule.GetValueOrDefault(proposal.Rule) + 1;
                Log(receipt, "auto_applied", proposal, inputs);
            }
            else
            {
                exceptions++;
                // A payer its account or name identifies is the receipt's customer with nothing applied yet: the cash is
                // on that customer's account, unapplied, not nobody's.
                if (receipt.Customer is null && payer is not null && payer.Score >= options.AutoApplyThreshold)
                    ReceiptPayer.Name(warehouse, changes, receipt.Id, receipt.ValueDate, payer.Customer, runId, now);
                var candidates = string.Join(", ", Candidates(receipt, customer, referenced.Found, byCustomer).Take(5).Select(c => $"{c.Document.Id}:{c.Score.ToString("0.00", CultureInfo.InvariantCulture)}"));
                pendingExceptions.Add((receipt, proposal.Score, candidates));
                Log(receipt, "exception", proposal, inputs);
            }
        }
        applications.Dispose();
        log.Dispose();
        // Priority: the largest and oldest first (amount weighted by age in months).
        var rank = 0;
        foreach (var (receipt, score, candidates) in pendingExceptions
                     .OrderByDescending(e => e.Receipt.Remaining * (1 + (options.ApplicationDate.DayNumber - e.Receipt.ValueDate.DayNumber) / 30m)))
            warehouse.Execute("INSERT INTO cash_match_exceptions VALUES ($run, $r, $d, $a, $c, $s, $cand, $p)",
                ("run", runId), ("r", receipt.Id), ("d", receipt.ValueDate), ("a", receipt.Remaining), ("c", receipt.Currency),
                ("s", score), ("cand", candidates), ("p", ++rank));
        // The rows written are judged against the rest (keys, receipts' totals, dates) by the next load that rebuilds
        // their tables, as if a file had brought them.
        var source = Load.SqlText.Literal(SourceOf(runId));
        Load.RebuildScope.Pending(warehouse, "applications", $"SELECT application_id FROM applications WHERE source_file = {source}");
        Load.RebuildScope.Pending(warehouse, "disputes", $"SELECT dispute_id FROM disputes WHERE source_file = {source}");
        Load.RebuildScope.Pending(warehouse, "write_offs", $"SELECT write_off_id FROM write_offs WHERE source_file = {source}");
        ReceiptPayer.Pending(warehouse, runId);
        changes.Record($"cash matching run {runId}");
        transaction.Commit();
        return new CashMatchResult(runId, receipts.Count, auto, exceptions, applied, deductions, byRule);
    }

    /// <summary>
    /// Where a row this run wrote comes from, as source_file: the run, so each row's file and line are its own. The
    /// loader tells rows apart by file and line when a later load takes one out or brings it back; a name shared by
    /// every run once took out two runs' rows for one run's over-applied receipt.
    /// </summary>
    public static string SourceOf(long runId) => $"o2c-cash-matching-run-{runId}";

    private static Proposal Propose(Receipt receipt, string? customer, IdentifiedPayer? payer,
        (List<ReferencedDocument> Found, string? Conflict) resolved, ILookup<string, OpenDocument> byCustomer, Context context, ReferenceResolver references)
    {
        var (referenced, conflict) = resolved;
        if (conflict is not null)
            return new Proposal(conflict.StartsWith("already paid", StringComparison.Ordinal) ? "settled_document_reference" : "other_customers_reference",
                0, [], [], customer, conflict);
        if (referenced.Count > 0)
        {
            var score = referenced.Min(r => r.Score);
            var rule = referenced.OrderBy(r => r.Score).First().Rule;
            var docs = referenced.Select(r => r.Document).ToList();
            var total = docs.Sum(d => d.Open);
            // The receipt's customer: the one the documents applied are of (none when they are several customers').
            string? Of(IEnumerable<OpenDocument> applied) => applied.Select(d => d.Customer).Distinct().ToList() is [var one] ? one : null;
            if (receipt.Remaining == total)
                return new Proposal(rule, score, docs.Select(d => (d, d.Open)).ToList(), [], Of(docs));
            // Paid more or less than what it names: sure enough only when the payer is known to be the documents' customer
            // (a number one slip from another customer's, quoted by an unknown payer, pays that customer's invoice wrongly).
            var payerAgrees = (receipt.Customer ?? payer?.Customer) is { } payerCustomer && docs.All(d => d.Customer == payerCustomer);
            var uneven = payerAgrees ? 0.95m : 0.85m;
            // One document named, the amount another's one slip away: the number or the amount is wrong; a person decides.
            if (docs.Count == 1 && references.AmountOneSlipAway(docs[0], receipt.Remaining, receipt.Currency, receipt.Customer ?? payer?.Customer) is { } neighbour)
                return new Proposal(rule + "+amount_of_a_neighbour", 0.80m, [], [], customer,
                    $"conflict: {docs[0].Id} is named, {neighbour.Id} one slip away is open for the amount");
            if (receipt.Remaining > total)
                return new Proposal(rule + "+overpayment", score * uneven, docs.Select(d => (d, d.Open)).ToList(), [], Of(docs));
            var subset = docs.Count > 1 ? ExactSubset(docs, receipt.Remaining) : null;
            if (subset is not null) return new Proposal(rule + "+subset", score, subset.Select(d => (d, d.Open)).ToList(), [], Of(subset));
            // Short of what it names: a discount, a stated deduction or a bank's fee may say why. A bank's fee nobody
            // stated, from a payer not known to be the customer, is too weak a reason.
            var net = Net(docs, receipt, context);
            if (net is not null)
                return new Proposal(rule + net.Rule, net.UnstatedFee && !payerAgrees ? score * 0.85m : score, net.Applications, net.Adjustments, Of(docs));
            if (docs.Count > 1) return new Proposal(rule + "+ambiguous_split", score * 0.8m, [], [], customer);
            var only = docs[0];
            var shortBy = only.Open - receipt.Remaining;
            return shortBy / only.Open <= context.Options.ShortPaymentTolerance
                ? new Proposal(rule + "+short_payment", score * (payerAgrees ? 0.97m : 0.85m), [(only, receipt.Remaining)], [new Adjustment(only, shortBy, true, "other")], only.Customer)
                : new Proposal(rule + "+partial_payment", score * uneven, [(only, receipt.Remaining)], [], only.Customer);
        }
        if (customer is null) return new Proposal("none", 0, [], [], null);
        // How the customer is known: on the receipt, or by the payer's account or name (payer_account+amount).
        var known = payer is null ? "amount_and_customer" : payer.Rule + "+amount";
        // Only what was invoiced by the value date can be what the money pays.
        var open = byCustomer[customer].Where(d => d.Open > 0 && d.Currency == receipt.Currency && d.Issued <= receipt.ValueDate).ToList();
        var same = open.Where(d => d.Open == receipt.Remaining).ToList();
        if (same.Count == 1)
            // The one open item of exactly this amount. (Items within 5 % of it once lowered the score to 0.75; on the
            // remittance study every such proposal was right, so they no longer do.)
            return new Proposal(known, payer is null ? 0.90m : Math.Min(0.90m, payer.Score), [(same[0], same[0].Open)], [], customer);
        if (same.Count == 0 && context.Terms.ContainsKey(customer))
        {
            // Paid less the early-payment discount: the one open item whose discounted amount is the receipt's.
            var discounted = open.Select(d => (Document: d, Net: Net([d], receipt, context, onlyDiscount: true)))
                .Where(x => x.Net is not null).ToList();
            if (discounted.Count == 1)
                return new Proposal(known + discounted[0].Net!.Rule, payer is null ? 0.90m : Math.Min(0.90m, payer.Score),
                    discounted[0].Net!.Applications, discounted[0].Net!.Adjustments, customer);
        }
        // A payment run without a list: the one set of two to four open items adding up to the amount.
        var run = same.Count == 0 ? PaymentRun.UniqueSet(open, receipt.Remaining) : null;
        return run is not null
            ? new Proposal(payer is null ? "payment_run" : payer.Rule + "+payment_run", payer is null ? 0.92m : Math.Min(0.92m, payer.Score),
                run.Select(d => (d, d.Open)).ToList(), [], customer)
            : new Proposal("none", same.Count > 1 ? 0.5m : 0, [], [], customer);
    }

    /// <summary>
    /// The shortfall explained (NetPayment) for documents of one customer and currency; with onlyDiscount, only an
    /// earned early-payment discount counts (an amount matched to no reference is not evidence enough for the rest).
    /// </summary>
    private static NetSettlement? Net(List<OpenDocument> documents, Receipt receipt, Context context, bool onlyDiscount = false)
    {
        if (documents.Select(d => (d.Customer, d.Currency)).Distinct().Count() != 1 || documents[0].Currency != receipt.Currency) return null;
        // Banks keep fees from cross-border transfers (wires); SEPA, ACH and cheques arrive whole, so a shortfall on them
        // is the customer's unless the text says a fee was charged.
        var settled = NetPayment.Explain(documents, receipt.Remaining, receipt.ValueDate, receipt.Currency,
            context.Terms.GetValueOrDefault(documents[0].Customer), onlyDiscount ? [] : RemittanceAdjustments.Read(receipt.Remittance),
            onlyDiscount ? context.Options with { BankFeeTolerance = new Dictionary<string, decimal>() } : context.Options,
            context.MinorUnits.GetValueOrDefault(receipt.Currency, 2), unstatedFeeAllowed: receipt.Method is "wire" or "other");
        return onlyDiscount && settled?.Rule != "+cash_discount" ? null : settled;
    }

    private static IEnumerable<(OpenDocument Document, decimal Score)> Candidates(Receipt receipt, string? customer, List<ReferencedDocument> found,
        ILookup<string, OpenDocument> byCustomer)
    {
        var referenced = found.Select(r => (r.Document, r.Score));
        var sameCustomer = customer is null ? [] : byCustomer[customer]
            .Where(d => d.Open > 0 && d.Currency == receipt.Currency)
            .Select(d => (Document: d, Score: Math.Round(0.7m * (1 - Math.Min(1, Math.Abs(d.Open - receipt.Remaining) / Math.Max(receipt.Remaining, 0.01m))), 2)));
        return referenced.Concat(sameCustomer).GroupBy(c => c.Document.Id).Select(g => g.MaxBy(c => c.Score)).OrderByDescending(c => c.Score);
    }

    /// <summary>The one subset (up to maxSize documents) whose open amounts add up to the amount; null when none or several.</summary>
    private static List<OpenDocument>? ExactSubset(List<OpenDocument> documents, decimal amount, int maxSize = 12)
    {
        if (documents.Count > 16) return null;
        List<OpenDocument>? found = null;
        var count = 0;
        for (var mask = 1; mask < 1 << documents.Count; mask++)
        {
            if (System.Numerics.BitOperations.PopCount((uint)mask) > maxSize) continue;
            var sum = 0m;
            for (var i = 0; i < documents.Count; i++) if ((mask & (1 << i)) != 0) sum += documents[i].Open;
            if (sum != amount) continue;
            if (++count > 1) return null;
            found = documents.Where((_, i) => (mask & (1 << i)) != 0).ToList();
        }
        return found;
    }

    /// <summary>
    /// Invoices and debit memos no longer open, by number, issued in the year before the earliest receipt matched (a
    /// payment quoting one is a duplicate or a mistake, for a person): the customer and id of each.
    /// </summary>
    private ILookup<string, (string Id, string Customer)> SettledDocuments(DateOnly? earliest) => earliest is null
        ? Array.Empty<(string, string, string)>().ToLookup(d => d.Item1, d => (d.Item2, d.Item3))
        : warehouse.Query("""
            SELECT document_id, customer_id FROM documents
            WHERE document_type <> 'credit_memo' AND document_date >= $from
            """, r => (Id: r.GetString(0), Customer: r.GetString(1)), ("from", earliest.Value.AddDays(-366)))
            .ToLookup(d => RemittanceReferences.NumberOf(d.Id), d => (d.Id, d.Customer));

    private List<Receipt> UnappliedReceipts() => warehouse.Query("""
        WITH applied AS (SELECT receipt_id, sum(amount) AS amount FROM applications GROUP BY 1)
        SELECT r.receipt_id, r.customer_id, r.value_date, r.currency_code, r.amount - coalesce(a.amount, 0), r.remittance_text,
               r.payer_name, r.payer_account, r.posted_date, r.payment_method
        FROM receipts r LEFT JOIN applied a USING (receipt_id)
        WHERE r.amount - coalesce(a.amount, 0) > 0
        ORDER BY r.value_date, r.receipt_id
        """, r => new Receipt(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetFieldValue<DateOnly>(2), r.GetString(3),
            r.GetDecimal(4), r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7),
            r.GetFieldValue<DateOnly>(8), r.GetString(9)));

    private static string N(decimal d) => d.ToString("0.00", CultureInfo.InvariantCulture);
}
