namespace O2C.Analytics.Load;

/// <summary>
/// The canonical CSV layout of one entity: the file-name prefix that identifies its files,
/// its key, its columns and the row rules its rows must pass.
/// </summary>
/// <param name="ScopeSeedSql">Keys a rebuild of the entity always judges (the receipts a bank return could take back).</param>
public sealed record EntityLayout(
    string Entity,
    IReadOnlyList<string> Key,
    IReadOnlyList<ColumnSpec> Columns,
    IReadOnlyList<RowRule> Rules,
    string Grain,
    IReadOnlyList<PostInsertRule>? PostInsertRules = null,
    IReadOnlyList<ScopeGroup>? JudgedTogether = null,
    string? ScopeSeedSql = null)
{
    public IReadOnlyList<PostInsertRule> SetRules => PostInsertRules ?? [];

    /// <summary>Rows the set rules judge together (RebuildScope): each set rule reading other rows of this table has one.</summary>
    public IReadOnlyList<ScopeGroup> ScopeGroups => JudgedTogether ?? [];

    public IEnumerable<ColumnSpec> RequiredColumns => Columns.Where(c => c.Required);

    public ColumnSpec? Column(string name) => Columns.FirstOrDefault(c => c.Name == name);

    public IEnumerable<ColumnSpec> References => Columns.Where(c => c.References is not null);

    /// <summary>The key as one text value (parts joined by '|'), as a duplicate reject records it in raw_value.</summary>
    public string KeyTextSql(string? alias = null) =>
        string.Join(" || '|' || ", Key.Select(k => $"CAST({(alias is null ? "" : alias + ".")}{SqlText.Ident(k)} AS VARCHAR)"));

    /// <summary>
    /// A row's earliest date as SQL: the least of its date columns (each given as <paramref name="column"/> makes it,
    /// those of <paramref name="present"/> only when given), or null when it has none.
    /// </summary>
    public string? EarliestDateSql(Func<string, string> column, IReadOnlySet<string>? present = null)
    {
        var dates = Columns.Where(c => c.Kind == FieldType.Date && (present is null || present.Contains(c.Name))).Select(c => column(c.Name)).ToList();
        return dates.Count switch { 0 => null, 1 => dates[0], _ => $"least({string.Join(", ", dates)})" };
    }

    /// <summary>A file belongs to this entity when its name is the entity, or the entity followed by -, _ or .</summary>
    public bool Owns(string fileName)
    {
        var stem = CanonicalFileName.Stem(fileName);
        return stem == Entity
            || (stem.Length > Entity.Length && stem.StartsWith(Entity, StringComparison.Ordinal)
                && stem[Entity.Length] is '-' or '_' or '.');
    }
}
