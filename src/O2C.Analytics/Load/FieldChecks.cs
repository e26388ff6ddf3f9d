using static O2C.Analytics.Load.SqlText;

namespace O2C.Analytics.Load;

/// <summary>
/// Generates the set-based SQL that checks the raw text of every field of a file against its column spec,
/// and the projection that turns checked text into typed values. One query per file, not a loop over rows.
/// </summary>
internal static class FieldChecks
{
    /// <summary>SELECT _line, column, raw value, reason code, reason FROM the raw table, for every bad field.</summary>
    public static string RejectsQuery(EntityLayout layout, string rawTable, DateWindow window) =>
        string.Join("\nUNION ALL\n", Checks(layout, window).Select(c => Select(rawTable, c.Column, c.Condition, c.Code, c.Reason)));

    /// <summary>
    /// The rows of <paramref name="rawTable"/> with any problem, in one scan with one condition for all the checks
    /// (the source is read_csv itself, so every extra scan is another parse of the file); only these (usually few)
    /// rows are then run through the per-column checks that name each problem. Each value is trimmed once, in a
    /// projection beside the raw columns, for all the checks on it (trimming inside every check took twice as long:
    /// 1M documents 1.7 s against 0.8 s). Lookups (currency codes) are left joins to the small reference table,
    /// because a subquery inside the OR chain turns the whole scan into a per-row mark join (5 s instead of 1.7 s
    /// for 1M documents).
    /// </summary>
    public static string SuspectRows(EntityLayout layout, string rawTable, DateWindow window)
    {
        var checks = Checks(layout, window, name => "r." + Ident(Trimmed(name)));
        var conditions = checks.Where(c => !c.IsLookup).Select(c => $"({c.Condition})").ToList();
        // The lookup checks (currency codes), as left joins: a row whose code joins nothing is suspect.
        var lookups = checks.Where(c => c.IsLookup).Select((c, i) => (c.Column, Alias: $"__currency_{i}")).ToList();
        conditions.AddRange(lookups.Select(l =>
            $"(NULLIF(r.{Ident(Trimmed(l.Column))}, '') IS NOT NULL AND {l.Alias}.currency_code IS NULL)"));
        var trimmed = layout.Columns.Select(c => Ident(Trimmed(c.Name))).ToList();
        return $"""
            SELECT r.* EXCLUDE ({string.Join(", ", trimmed)})
            FROM (SELECT *, {string.Join(", ", layout.Columns.Select(c => $"trim({Ident(c.Name)}) AS {Ident(Trimmed(c.Name))}"))} FROM {rawTable}) AS r
            {string.Join("\n", lookups.Select(l => $"LEFT JOIN currencies AS {l.Alias} ON {l.Alias}.currency_code = upper(r.{Ident(Trimmed(l.Column))})"))}
            WHERE {(conditions.Count == 0 ? "false" : string.Join("\n OR ", conditions))}
            """;
    }

    private static string Trimmed(string column) => "__trimmed_" + column;

    private sealed record Check(string Column, string Condition, string Code, string Reason, bool IsLookup = false);

    /// <param name="trimmed">The trimmed value of a column; by default trim() of the raw table's column.</param>
    /// <summary>The dates a load accepts, inclusive: <see cref="PlausibleDates"/> resolved for the load's day.</summary>
    public sealed record DateWindow(DateOnly Earliest, DateOnly Latest);

    private static List<Check> Checks(EntityLayout layout, DateWindow window, Func<string, string>? trimmed = null)
    {
        // qualified: a subquery's own columns must not capture it
        trimmed ??= name => $"trim(r.{Ident(name)})";
        var parts = new List<Check>();
        foreach (var column in layout.Columns)
        {
            var t = trimmed(column.Name);
            var present = $"NULLIF({t}, '') IS NOT NULL";
            if (column.Required)
            {
                var (code, reason) = layout.Key.Contains(column.Name)
                    ? ("missing_key", $"key column {column.Name} is empty")
                    : ("missing_value", $"required column {column.Name} is empty");
                parts.Add(new Check(column.Name, $"NOT ({present})", code, reason));
            }
            var bad = BadWhen(column, t);
            if (bad is not null)
                parts.Add(new Check(column.Name, $"{present} AND ({bad.Value.Condition})", bad.Value.Code, bad.Value.Reason,
                    IsLookup: column.Kind == FieldType.Currency));
            if (column.Kind == FieldType.Date)
                parts.Add(new Check(column.Name,
                    $"{present} AND try_cast({t} AS DATE) NOT BETWEEN DATE '{window.Earliest:yyyy-MM-dd}' AND DATE '{window.Latest:yyyy-MM-dd}'",
                    "implausible_date", $"{column.Name} is outside the plausible window {window.Earliest:yyyy-MM-dd} to {window.Latest:yyyy-MM-dd} (LoadEarliestDate, LoadYearsAhead)"));
            // Control characters: in a key or a reference they make two keys of one ("X3" and "X3\0"); in text they
            // are invisible in every report. Tabs and line breaks stay allowed in free text (remittance lines).
            var isKey = layout.Key.Contains(column.Name) || column.References is not null;
            if (isKey || column.Kind == FieldType.Text)
                parts.Add(new Check(column.Name,
                    $"regexp_matches(r.{Ident(column.Name)}, '{(isKey ? "[\\x00-\\x1F\\x7F]" : "[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]")}')",
                    "control_character", $"{column.Name} holds a control character (a NUL byte, escape or similar)"));
        }
        return parts;
    }

    /// <summary>The typed value of each column, from text that passed its checks.</summary>
    public static string TypedProjection(EntityLayout layout) =>
        string.Join(",\n    ", layout.Columns.Select(c => $"{Typed(c, $"NULLIF(trim({Ident(c.Name)}), '')")} AS {Ident(c.Name)}"));

    private static string Typed(ColumnSpec column, string t) => column.Kind switch
    {
        FieldType.Date => $"try_cast({t} AS DATE)",
        FieldType.Money => $"try_cast({t} AS DECIMAL(18,3))",
        FieldType.Rate => $"try_cast({t} AS DECIMAL(18,8))",
        FieldType.Integer => $"try_cast({t} AS INTEGER)",
        FieldType.Flag => $"CASE WHEN lower({t}) IN ('true','yes','y','1') THEN true WHEN lower({t}) IN ('false','no','n','0') THEN false END",
        FieldType.Currency => $"upper({t})",
        FieldType.Choice => $"lower({t})",
        _ => t,
    };

    private static (string Condition, string Code, string Reason)? BadWhen(ColumnSpec column, string t) => column.Kind switch
    {
        FieldType.Date => ($"NOT regexp_full_match({t}, '\\d{{4}}-\\d{{2}}-\\d{{2}}') OR try_cast({t} AS DATE) IS NULL",
            "unparseable_date", $"{column.Name} is not a date in yyyy-MM-dd form"),
        FieldType.Money => ($"NOT regexp_full_match({t}, '-?\\d{{1,15}}(\\.\\d{{1,3}})?')",
            "unparseable_amount", $"{column.Name} is not an amount (digits, '.' decimal point, at most 3 decimals)"),
        FieldType.Rate => ($"NOT regexp_full_match({t}, '-?\\d{{1,10}}(\\.\\d{{1,8}})?')",
            "unparseable_number", $"{column.Name} is not a number (digits, '.' decimal point, at most 8 decimals)"),
        FieldType.Integer => ($"try_cast({t} AS INTEGER) IS NULL OR NOT regexp_full_match({t}, '-?\\d+')",
            "unparseable_integer", $"{column.Name} is not a whole number"),
        FieldType.Flag => ($"lower({t}) NOT IN ('true','yes','y','1','false','no','n','0')",
            "unparseable_flag", $"{column.Name} is not true/false or yes/no"),
        FieldType.Currency => ($"NOT EXISTS (SELECT 1 FROM currencies c WHERE c.currency_code = upper({t}))",
            "unknown_currency", $"{column.Name} is not an ISO 4217 currency code"),
        FieldType.Choice => ($"lower({t}) NOT IN ({string.Join(", ", column.Choices!.Select(Literal))})",
            "invalid_value", $"{column.Name} must be one of: {string.Join(", ", column.Choices!)}"),
        _ => null,
    };

    private static string Select(string table, string column, string condition, string code, string reason) =>
        $"SELECT r._line, {Literal(column)}, r.{Ident(column)}, {Literal(code)}, {Literal(reason)} FROM {table} AS r WHERE {condition}";
}
