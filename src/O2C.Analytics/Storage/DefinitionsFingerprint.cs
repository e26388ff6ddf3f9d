using System.Security.Cryptography;
using System.Text;

namespace O2C.Analytics.Storage;

/// <summary>
/// A hash of what derived data is computed from besides the facts: SQL files, settings, reference data no load writes,
/// and the program's build. Stored beside what was computed (refresh_state, sla_state); when it differs, the
/// computation is made whole again. RefreshFingerprint and the SLA measurement build theirs from these parts.
/// </summary>
public sealed class DefinitionsFingerprint
{
    private readonly StringBuilder text = new();

    public DefinitionsFingerprint Add(string? part)
    {
        text.Append(part).Append('\n');
        return this;
    }

    /// <summary>Every SQL file under <paramref name="folder"/> (the whole SQL folder when none), by path and content.</summary>
    public DefinitionsFingerprint AddSqlFiles(SqlFolder sql, string? folder = null)
    {
        var root = folder is null ? sql.Root : sql.File(folder);
        foreach (var path in Directory.EnumerateFiles(root, "*.sql", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            Add(Path.GetRelativePath(sql.Root, path)).Add(File.ReadAllText(path));
        return this;
    }

    /// <summary>The dispute SLAs by category: seeded by a migration, edited by hand if at all, read by KPIs and SLAs.</summary>
    public DefinitionsFingerprint AddDisputeSlas(Warehouse warehouse) =>
        Add(warehouse.Scalar<string>("SELECT string_agg(category || '=' || sla_business_days, ';' ORDER BY category) FROM dispute_category_sla"));

    /// <summary>The hash, the program's build last (a new build may compute the same SQL differently).</summary>
    public string Hash() =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text + typeof(DefinitionsFingerprint).Assembly.ManifestModule.ModuleVersionId.ToString())));
}
