using O2C.Analytics.Storage;
using static O2C.Analytics.Load.SqlText;

namespace O2C.Analytics.Load;

/// <summary>
/// The rows one load's rebuild judges (CanonicalRebuild), as a set of key values per entity: every row with a key in
/// it is judged, in the table or kept out, whichever file it came from; the others keep their fate.
/// <para>
/// Why that is the same as judging every row: each load leaves the tables as judging every row gives them, and a
/// row's fate depends only on its own values, on the rows sharing its key (which copy loads), on the parent rows it
/// names (references, currencies, dates), and on the rows its layout groups it with (<see cref="ScopeGroup"/>: the
/// other applications of its receipt, the document a memo corrects, the receipts a bank return could take back). So
/// a row can change fate only when one of those changed: the scope is the keys of the rows this load brought, removed
/// or holds out (kept_out, rejected against the warehouse last time), the rows naming a parent key in the parent's
/// scope, the rows written since the last load by another writer (rebuild_pending), closed over the groups.
/// </para>
/// A scope too large to be worth finding (the first load of a history) is the whole table; so is every scope when
/// <c>everyRow</c> (tests compare the two).
/// </summary>
internal sealed class RebuildScope(Warehouse warehouse, long loadId, bool everyRow = false)
{
    /// <summary>
    /// Keys of rows this load removed (a file's previous version, noted before it goes) or changed before judging, per
    /// entity.
    /// </summary>
    private const string Touched = "_rebuild_touched";

    /// <summary>Above this many keys, and a quarter of the table, judging every row costs less than finding which.</summary>
    private const long WholeTableAbove = 100_000;

    private readonly HashSet<string> whole = new(StringComparer.Ordinal);
    private readonly List<string> decided = [];

    /// <summary>Before the load's first file: nothing removed yet.</summary>
    public void Begin() => warehouse.Execute($"CREATE OR REPLACE TEMP TABLE {Touched} (entity VARCHAR, key_value VARCHAR)");

    /// <summary>Entities with one text key are judged by key; the others (rates, calendars, targets: small) in whole.</summary>
    public static bool ByKey(EntityLayout layout) => layout.Key.Count == 1 && layout.Column(layout.Key[0])!.Kind == FieldType.Text;

    /// <summary>Notes the keys of the rows a file's previous version brought, before they are deleted.</summary>
    public void NoteFileRows(EntityLayout layout, string file)
    {
        var key = Ident(layout.Key[0]);
        var table = Ident(layout.Entity);
        NoteKeys(layout, $"SELECT {key} FROM {table} WHERE source_file = {Literal(file)} UNION ALL SELECT {key} FROM kept_out.{table} WHERE source_file = {Literal(file)}");
    }

    /// <summary>Notes keys the rebuild itself changes before judging (a receipt given the payer cash matching found).</summary>
    public void NoteKeys(EntityLayout layout, string keysSql)
    {
        if (ByKey(layout)) warehouse.Execute($"INSERT INTO {Touched} SELECT {Literal(layout.Entity)}, k FROM ({keysSql}) s(k)");
    }

    /// <summary>
    /// Decides which rows of <paramref name="layout"/> this rebuild judges, after its parents in
    /// <paramref name="rebuiltParents"/> were rebuilt (their scopes decided).
    /// </summary>
    public void Decide(EntityLayout layout, IReadOnlyCollection<string> rebuiltParents)
    {
        decided.Add(layout.Entity);
        var entity = Literal(layout.Entity);
        var parents = layout.References.Where(r => r.References != layout.Entity && rebuiltParents.Contains(r.References!)).ToList();
        if (everyRow || !ByKey(layout)
            || parents.Any(p => whole.Contains(p.References!))
            || warehouse.Scalar<bool>($"SELECT EXISTS (SELECT 1 FROM rebuild_pending WHERE entity = {entity} AND key_value IS NULL)"))
        {
            whole.Add(layout.Entity);
            return;
        }
        var table = Ident(layout.Entity);
        var key = Ident(layout.Key[0]);
        var rows = warehouse.Scalar<long>($"SELECT count(*) FROM {table}");
        bool TooMany(long keys) => keys > WholeTableAbove && keys > rows / 4;
        // The rows this load wrote alone can make the scope the table (a first load): not worth a scope then.
        if (TooMany(warehouse.Scalar<long>($"SELECT count(*) FROM {table} WHERE load_id = {loadId}")))
        {
            whole.Add(layout.Entity);
            return;
        }

        var scope = ScopeTable(layout);
        var seeds = new List<string>
        {
            $"SELECT key_value FROM {Touched} WHERE entity = {entity}",
            $"SELECT key_value FROM rebuild_pending WHERE entity = {entity} AND key_value IS NOT NULL",
            $"SELECT {key} FROM kept_out.{table}",
            $"SELECT {key} FROM {table} WHERE load_id = {loadId}",
        };
        seeds.AddRange(parents.Select(p =>
            $"SELECT {key} FROM {table} WHERE {Ident(p.Name)} IN (SELECT key_value FROM {ScopeTable(p.References!)})"));
        if (layout.ScopeSeedSql is { } extra) seeds.Add(extra);
        warehouse.Execute($"CREATE OR REPLACE TEMP TABLE {scope} AS SELECT DISTINCT * FROM ({string.Join("\nUNION ALL ", seeds)}) s(key_value)");

        // Closed over the groups: a row whose group holds a judged row is judged (an application of a receipt with one
        // judged, a memo correcting a judged document), until no group adds a key.
        // A group on the key itself reads the scope's keys, not the rows: a document the load removed has no row left,
        // and a memo correcting it must be judged (found in review: it stayed in, naming no document).
        var all = $"(SELECT * FROM {table} UNION ALL SELECT * FROM kept_out.{table})";
        string GroupValues(ScopeGroup g) => g.JudgedColumn == layout.Key[0]
            ? $"SELECT key_value FROM {scope}"
            : $"SELECT s.{Ident(g.JudgedColumn)} FROM {all} s WHERE s.{key} IN (SELECT key_value FROM {scope})";
        while (layout.ScopeGroups.Sum(g => warehouse.Execute($"""
                   INSERT INTO {scope}
                   SELECT DISTINCT r.{key} FROM {all} r
                   WHERE r.{Ident(g.Column)} IN ({GroupValues(g)})
                     AND r.{key} NOT IN (SELECT key_value FROM {scope})
                   """)) > 0)
        {
        }
        if (TooMany(warehouse.Scalar<long>($"SELECT count(*) FROM {scope}"))) whole.Add(layout.Entity);
    }

    /// <summary>Whether row <paramref name="alias"/> of the entity is judged, as SQL.</summary>
    public string Judged(EntityLayout layout, string alias) =>
        whole.Contains(layout.Entity) ? "true" : $"{alias}.{Ident(layout.Key[0])} IN (SELECT key_value FROM {ScopeTable(layout)})";

    /// <summary>Whether every row of the entity was judged.</summary>
    public bool Whole(EntityLayout layout) => whole.Contains(layout.Entity);

    /// <summary>The rows written by other writers of the entities rebuilt are judged now: no longer pending.</summary>
    public void End()
    {
        if (decided.Count > 0)
            warehouse.Execute($"DELETE FROM rebuild_pending WHERE entity IN ({string.Join(", ", decided.Select(Literal))})");
        foreach (var entity in decided) warehouse.Execute($"DROP TABLE IF EXISTS {ScopeTable(entity)}");
        warehouse.Execute($"DROP TABLE IF EXISTS {Touched}");
    }

    private static string ScopeTable(EntityLayout layout) => ScopeTable(layout.Entity);

    private static string ScopeTable(string entity) => $"_scope_{entity}";

    /// <summary>
    /// Records rows another writer (cash matching) wrote or changed, for the next load that rebuilds their entity:
    /// <paramref name="keysSql"/> selects their keys. A null key (a purge) makes that rebuild judge the whole entity.
    /// </summary>
    public static void Pending(Warehouse warehouse, string entity, string keysSql) =>
        warehouse.Execute($"INSERT INTO rebuild_pending SELECT {Literal(entity)}, k FROM ({keysSql}) s(k)");
}

/// <summary>
/// Rows judged together by a set rule: a row whose <paramref name="Column"/> equals the <paramref name="JudgedColumn"/>
/// of a judged row is judged too (RebuildScope). Every set rule that reads other rows of its own table needs one.
/// </summary>
public sealed record ScopeGroup(string Column, string JudgedColumn);
