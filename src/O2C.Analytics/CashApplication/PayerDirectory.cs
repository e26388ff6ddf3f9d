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
            return byName.Count == 1 ? new IdentifiedPayer(byName.First(), "payer_name", 0.95m) : null;
        return null;
    }
}
