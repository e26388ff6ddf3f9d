using O2C.Analytics.Storage;
using System.Security.Cryptography;
using System.Text;
using O2C.Analytics.Metrics;
using O2C.Analytics.Render.Excel;

namespace O2C.Analytics.Privacy;

/// <summary>
/// Replaces customer names, customer ids and collector names with stable pseudonyms (keyed HMAC-SHA256, so the same
/// name is the same pseudonym throughout a pack and from month to month, and no one without the key can reverse or
/// confirm a guess). Applied to what leaves the company when Mail:Pseudonymise is set; the figures are untouched.
/// </summary>
public sealed class Pseudonymiser(byte[] key)
{
    public const string KeyVariable = "O2C_PSEUDONYM_KEY";

    private static readonly IReadOnlyDictionary<string, string> Prefixes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["customer_name"] = "Customer",
        ["customer_id"] = "ACC",
        ["collector"] = "Collector",
    };

    /// <summary>The key from O2C_PSEUDONYM_KEY, else the warehouse's own (made on first use, kept in pseudonym_key).</summary>
    public static Pseudonymiser ForWarehouse(Warehouse warehouse)
    {
        if (Environment.GetEnvironmentVariable(KeyVariable) is { Length: > 0 } configured)
            return new Pseudonymiser(Encoding.UTF8.GetBytes(configured));
        var stored = warehouse.Scalar<string>("SELECT key_hex FROM pseudonym_key LIMIT 1");
        if (stored is null)
        {
            stored = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
            warehouse.Execute("INSERT INTO pseudonym_key VALUES ($k)", ("k", stored));
        }
        return new Pseudonymiser(Convert.FromHexString(stored));
    }

    public string Pseudonym(string field, string value) =>
        $"{Prefixes[field]}-{Convert.ToHexString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(field + "\u001f" + value)), 0, 5)}";

    public ReportTable Apply(ReportTable table)
    {
        var replace = table.Columns.Select((c, i) => (c.Field, i)).Where(c => Prefixes.ContainsKey(c.Field)).ToList();
        // A dimension member that is a collector (signals by member) is a name too.
        var dimension = table.FindColumn("dimension");
        var member = table.FindColumn("member");
        if (replace.Count == 0 && (dimension < 0 || member < 0)) return table;
        var rows = table.Rows.Select(row =>
        {
            var copy = (object?[])row.Clone();
            foreach (var (field, i) in replace)
                if (copy[i] is string s && s.Length > 0 && !IsAggregateLine(s)) copy[i] = Pseudonym(field, s);
            if (dimension >= 0 && member >= 0 && copy[dimension] as string == "collector" && copy[member] is string m && !IsAggregateLine(m))
                copy[member] = Pseudonym("collector", m);
            return copy;
        }).ToList();
        return table with { Rows = rows };
    }

    /// <summary>A name's pseudonym; a line that stands for many ("All other customers", "Unassigned") as it is.</summary>
    public string Name(string field, string value) => IsAggregateLine(value) ? value : Pseudonym(field, value);

    /// <summary>Lines that stand for many ("All other customers", "Unassigned") name no one.</summary>
    private static bool IsAggregateLine(string value) =>
        value.StartsWith("All other", StringComparison.Ordinal) || value is "Unassigned" or "(none)";
}
