namespace O2C.Analytics.CashApplication;

/// <summary>A document the remittance names, how sure the reading is, and by which rule.</summary>
internal sealed record ReferencedDocument(OpenDocument Document, decimal Score, string Rule);

/// <summary>
/// The open documents a receipt's remittance names. A number is looked up as written (leading zeros and prefix aside),
/// then, when it names none of the payer's documents, one slip away (RemittanceReferences.OneSlipAway): such a
/// reading is taken only when the amount or the payer agrees, and the document agreeing on more wins alone or not at
/// all. With a known payer, another customer's document is never named: the reference is a conflict for a person.
/// </summary>
internal sealed class ReferenceResolver(ILookup<string, OpenDocument> byNumber, ILookup<string, (string Id, string Customer)> settled)
{
    public (List<ReferencedDocument> Found, string? Conflict) Resolve(string? remittance, decimal amount, string currency, string? payer)
    {
        var found = new List<ReferencedDocument>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? conflict = null;
        foreach (var token in RemittanceReferences.Find(remittance))
        {
            var written = Open(byNumber[token.Number], currency);
            var own = written.Where(d => payer is null || d.Customer == payer).ToList();
            ReferencedDocument? reading = null;
            if (own.Count == 1)
                reading = new ReferencedDocument(own[0], token.Repaired ? 0.95m : token.Prefixed ? 1.00m : 0.92m,
                    token.Repaired ? "fuzzy_reference" : token.Prefixed ? "exact_reference" : "bare_number");
            else if (own.Count > 1)
                // the same number in two series (INV-123, DM-123): the amount decides, or nobody
                reading = own.Where(d => d.Open == amount).ToList() is [var one] ? new ReferencedDocument(one, 0.92m, "exact_reference+amount") : null;
            else if (Settled(token.Number, payer) is { } paid && (token.Prefixed || payer is not null))
                // A number as written naming a settled document (the payer's, or anyone's when the payer is unknown): a
                // payment made twice or a wrong number, for a person; not read one slip away onto another open item.
                conflict ??= $"already paid: {paid.Id} ({paid.Customer}'s) is settled; a duplicate payment or a wrong number";
            else if (token.Prefixed)
                reading = OneSlipAway(token.Number, amount, currency, payer);
            if (reading is null && own.Count == 0 && payer is not null && written.FirstOrDefault(d => d.Customer != payer) is { } other)
                conflict ??= $"conflict: {other.Id} is {other.Customer}'s, the payer is {payer}" +
                             (other.Open == amount ? $" (the amount, {amount:0.00}, is that invoice's)" : "");
            if (reading is not null && seen.Add(reading.Document.Id)) found.Add(reading);
        }
        return (found, found.Count == 0 ? conflict : null);
    }

    private (string Id, string Customer)? Settled(string number, string? payer) =>
        settled[number].Where(d => (payer is null || d.Customer == payer) && byNumber[number].All(o => o.Id != d.Id))
            .Select(d => ((string, string)?)d).FirstOrDefault();

    /// <summary>
    /// An open document one slip from the one a number names whose open amount is the receipt's (of the payer's, when
    /// known): the number may be the slip, and the amount the truth. Null when none or several.
    /// </summary>
    public OpenDocument? AmountOneSlipAway(OpenDocument named, decimal amount, string currency, string? payer)
    {
        var fits = RemittanceReferences.OneSlipAway(RemittanceReferences.NumberOf(named.Id))
            .SelectMany(v => Open(byNumber[v], currency))
            .Where(d => d.Id != named.Id && d.Open == amount && (payer is null || d.Customer == payer))
            .DistinctBy(d => d.Id).ToList();
        return fits is [var one] ? one : null;
    }

    private ReferencedDocument? OneSlipAway(string number, decimal amount, string currency, string? payer)
    {
        var ranked = RemittanceReferences.OneSlipAway(number)
            .SelectMany(v => Open(byNumber[v], currency))
            .Where(d => payer is null || d.Customer == payer)
            .Select(d => (Document: d, Agrees: (d.Open == amount ? 2 : 0) + (payer is not null ? 1 : 0)))
            .Where(c => c.Agrees > 0)
            .GroupBy(c => c.Agrees).OrderByDescending(g => g.Key).FirstOrDefault()?.ToList();
        if (ranked is not [var best]) return null;
        return new ReferencedDocument(best.Document, best.Agrees switch { 3 => 0.95m, 2 => 0.92m, _ => 0.85m }, "fuzzy_reference");
    }

    private static List<OpenDocument> Open(IEnumerable<OpenDocument> documents, string currency) =>
        documents.Where(d => d.Open > 0 && d.Currency == currency).ToList();
}
