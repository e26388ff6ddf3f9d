using O2C.Analytics.Storage;

namespace O2C.Analytics.CashApplication;

/// <summary>A receipt's payer named by its statement: the customer, how (payer_account, payer_name) and how sure.</summary>
public sealed record IdentifiedPayer(string Customer, string Rule, decimal Score);

/// <summary>
/// The customers a bank statement's payer name or account can name: accounts and names from customer_payers, each
/// customer's own name, and the aliases people's decisions taught (payer_aliases, ManualApplication). An account or name that belongs to two customers names neither (a parent paying for two
/// subsidiaries): the receipt is then matched as unidentified.
/// </summary>
public sealed class PayerDirectory
{
    private readonly Dictionary<string, HashSet<string>> _accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _names = new(StringComparer.Ordinal);

    public PayerDirectory(Warehouse warehouse)
    {
        // Master data and customers' names, then aliases people's decisions taught (stored as keys already).
        foreach (var (customer, type, identifier) in warehouse.Query("""
                     SELECT customer_id, identifier_type, identifier FROM customer_payers
                     UNION ALL SELECT customer_id, 'name', customer_name FROM customers
                     UNION ALL SELECT customer_id, identifier_type, identifier FROM payer_aliases
                     """, r => (r.GetString(0), r.GetString(1), r.GetString(2))))
        {
            var key = type == "account" ? PayerName.AccountKey(identifier) : PayerName.Key(identifier);
            if (string.IsNullOrEmpty(key)) continue;
            var index = type == "account" ? _accounts : _names;
            if (!index.TryGetValue(key, out var customers)) index[key] = customers = new HashSet<string>(StringComparer.Ordinal);
            customers.Add(customer);
        }
    }

    /// <summary>Whether the account or name (as keys) already names this customer.</summary>
    public bool Knows(string type, string key, string customer) =>
        (type == "account" ? _accounts : _names).TryGetValue(key, out var customers) && customers.Contains(customer);

    /// <summary>The payer's customer by account first (an account is one customer's), then by name; null when unknown or ambiguous.</summary>
    public IdentifiedPayer? Identify(string? name, string? account)
    {
        if (PayerName.AccountKey(account) is { } accountKey && _accounts.TryGetValue(accountKey, out var byAccount))
            return byAccount.Count == 1 ? new IdentifiedPayer(byAccount.First(), "payer_account", 0.99m) : null;
        var nameKey = PayerName.Key(name);
        if (nameKey.Length == 0) return null;
        if (_names.TryGetValue(nameKey, out var byName))
        {
            // A name as long as a statement's field for it (16 for an ACH originator, 27 for MT940 ?32, 35 for a wire's
            // originator) may be cut short: "ATLAS OUTFITTERS" is Atlas Outfitters Inc or Atlas Outfitters Holdings Inc.
            var maybeCut = name!.Trim().Length is 16 or 27 or 35;
            var also = maybeCut ? Starting(nameKey + " ") : [];
            return byName.Count == 1 && also.All(byName.Contains) ? new IdentifiedPayer(byName.First(), "payer_name", 0.95m) : null;
        }
        // A name the bank cut short (an ACH originator's name has 16 characters): the start of exactly one known name.
        // Its last word may be a legal form cut short too ("GRANITE FOODS IN" is Granite Foods Inc, or Granite Foods
        // International): every name it can be the start of counts, and two customers among them name neither.
        if (nameKey.Length >= 12)
        {
            var candidates = Starting(nameKey).ToHashSet(StringComparer.Ordinal);
            var space = nameKey.LastIndexOf(' ');
            if (space > 0 && PayerName.CouldBeLegalForm(nameKey[(space + 1)..]) && _names.TryGetValue(nameKey[..space], out var withoutForm))
                candidates.UnionWith(withoutForm);
            if (candidates.Count == 1) return new IdentifiedPayer(candidates.First(), "payer_name", 0.92m);
        }
        return null;
    }

    /// <summary>
    /// A known name written in free remittance text ("FROM TASMAN OUTDOOR PTY LTD REF ..."), where the bank gives the
    /// payer no field of its own: the longest run of words that is exactly one customer's name, of at least two words.
    /// </summary>
    public IdentifiedPayer? InText(string? text)
    {
        var words = PayerName.Words(text);
        for (var length = Math.Min(5, words.Count); length >= 2; length--)
        {
            var named = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i + length <= words.Count; i++)
                if (_names.TryGetValue(string.Join(" ", words.Skip(i).Take(length)), out var customers))
                    named.UnionWith(customers);
            if (named.Count == 1) return new IdentifiedPayer(named.First(), "payer_name_in_text", 0.92m);
            if (named.Count > 1) return null;
        }
        return null;
    }

    private string[] Starting(string prefix)
    {
        _sortedNames ??= _names.Keys.Order(StringComparer.Ordinal).ToArray();
        var at = Array.BinarySearch(_sortedNames, prefix, StringComparer.Ordinal);
        if (at < 0) at = ~at;
        var customers = new HashSet<string>(StringComparer.Ordinal);
        for (var i = at; i < _sortedNames.Length && _sortedNames[i].StartsWith(prefix, StringComparison.Ordinal); i++)
            customers.UnionWith(_names[_sortedNames[i]]);
        return customers.ToArray();
    }

    private string[]? _sortedNames;
}
