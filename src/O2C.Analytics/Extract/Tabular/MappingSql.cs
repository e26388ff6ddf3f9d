using O2C.Analytics.Extract.Sources;
using O2C.Analytics.Load;
using static O2C.Analytics.Load.SqlText;

namespace O2C.Analytics.Extract.Tabular;

/// <summary>
/// Turns a column mapping into a SQL expression over the raw source text (alias src) that yields the canonical
/// text of the value. A value that does not parse is passed through unchanged, so the canonical loader rejects it
/// with its raw text, column and line.
/// </summary>
internal static class MappingSql
{
    public static string Expression(ColumnMapping mapping, FieldType kind, CsvOptions csv)
    {
        var raw = mapping.Constant is { } constant ? Literal(constant) : $"trim(src.{Ident(mapping.Column!)})";
        if (mapping.Map is { Count: > 0 } map)
            raw = $"CASE {raw} {string.Join(" ", map.Select(p => $"WHEN {Literal(p.Key)} THEN {Literal(p.Value)}"))} ELSE {raw} END";
        if (mapping.Default is { } fallback) raw = $"coalesce(NULLIF({raw}, ''), {Literal(fallback)})";
        return kind switch
        {
            FieldType.Date => DateExpression(raw, mapping.Format),
            FieldType.Money or FieldType.Rate => AmountExpression(raw, csv),
            _ => raw,
        };
    }

    /// <summary>Date formats: yyyy-MM-dd (default), MM/dd/yyyy or M/d/yyyy, dd.MM.yyyy, yyyyMMdd, yyyyMMdd written as a float (20200126.0), excel (serial day numbers).</summary>
    internal static string DateExpression(string raw, string? format)
    {
        string Parse(string text, string pattern) => $"coalesce(strftime(try_strptime({text}, '{pattern}'), '%Y-%m-%d'), {raw})";
        return (format ?? "yyyy-MM-dd") switch
        {
            "yyyy-MM-dd" => Parse(raw, "%Y-%m-%d"),
            "MM/dd/yyyy" or "M/d/yyyy" => Parse(raw, "%m/%d/%Y"),
            "dd/MM/yyyy" or "d/M/yyyy" => Parse(raw, "%d/%m/%Y"),
            "dd.MM.yyyy" or "d.M.yyyy" => Parse(raw, "%d.%m.%Y"),
            "yyyyMMdd" => Parse(raw, "%Y%m%d"),
            "yyyyMMdd.0" => Parse($"regexp_replace({raw}, '\\.0*$', '')", "%Y%m%d"),
            "excel" => $"CASE WHEN regexp_full_match({raw}, '\\d+(\\.\\d+)?') THEN strftime(DATE '1899-12-30' + CAST(floor(CAST({raw} AS DOUBLE)) AS INTEGER), '%Y-%m-%d') ELSE {raw} END",
            var other => throw new InvalidDataException($"date format '{other}' is not supported (yyyy-MM-dd, MM/dd/yyyy, dd/MM/yyyy, dd.MM.yyyy, yyyyMMdd, yyyyMMdd.0, excel)"),
        };
    }

    /// <summary>Amounts to canonical text: thousands separators out, decimal separator to '.', a trailing minus (SAP) to the front.</summary>
    internal static string AmountExpression(string raw, CsvOptions csv)
    {
        var text = raw;
        if (csv.ThousandsSeparator.Length > 0) text = $"replace({text}, {Literal(csv.ThousandsSeparator)}, '')";
        if (csv.DecimalSeparator != ".") text = $"replace({text}, {Literal(csv.DecimalSeparator)}, '.')";
        return $"CASE WHEN {text} LIKE '%-' THEN '-' || rtrim({text}, '-') ELSE {text} END";
    }
}
