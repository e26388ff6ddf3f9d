using System.Globalization;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using O2C.Analytics.Render.Csv;
using O2C.Analytics.Render.Excel;

namespace O2C.Analytics.Analyst;

/// <summary>
/// How values print: timestamps with a time zone in <paramref name="Zone"/> with its offset, and NULL as
/// <paramref name="NullText"/> (an empty string stays distinguishable: quoted "" in CSV).
/// </summary>
public sealed record QueryFormatting(TimeZoneInfo Zone, string NullText)
{
    public static readonly QueryFormatting Csv = new(TimeZoneInfo.Utc, "");
}

/// <summary>Writes a query result as CSV (RFC 4180), JSON (an array of objects) or an Excel table.</summary>
public static class QueryOutput
{
    public static string Csv(QueryResult result) => Csv(result, QueryFormatting.Csv);

    public static string Csv(QueryResult result, QueryFormatting formatting)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, [.. result.Columns]))
            foreach (var row in result.Rows)
            {
                for (var c = 0; c < row.Length; c++)
                    if (row[c] is null) csv.Text(formatting.NullText);
                    else csv.Text(Format(result, c, row[c], formatting), quoteEmpty: true);
                csv.End();
            }
        return text.ToString();
    }

    public static string Json(QueryResult result, QueryFormatting formatting)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var row in result.Rows)
            {
                json.WriteStartObject();
                for (var i = 0; i < row.Length; i++)
                {
                    json.WritePropertyName(result.Columns[i]);
                    switch (row[i])
                    {
                        case null: json.WriteNullValue(); break;
                        case bool b: json.WriteBooleanValue(b); break;
                        // The declared scale kept: 60425999.80, not 60425999.8.
                        case decimal: json.WriteRawValue(Format(result, i, row[i], formatting)); break;
                        // JSON has no NaN or infinity: those are written as the strings "NaN", "Infinity", "-Infinity".
                        case double d when !double.IsFinite(d): json.WriteStringValue(d.ToString(CultureInfo.InvariantCulture)); break;
                        case float f when !float.IsFinite(f): json.WriteStringValue(f.ToString(CultureInfo.InvariantCulture)); break;
                        case double d: json.WriteNumberValue(d); break;
                        case float f: json.WriteNumberValue(f); break;
                        case long or int or short or sbyte or byte or ulong or uint or ushort:
                            json.WriteNumberValue(Convert.ToDecimal(row[i], CultureInfo.InvariantCulture)); break;
                        case System.Numerics.BigInteger n: json.WriteRawValue(n.ToString(CultureInfo.InvariantCulture)); break;
                        case System.Collections.IEnumerable nested and not string: json.WriteRawValue(Nested(nested)); break;
                        default: json.WriteStringValue(Format(result, i, row[i], formatting)); break;
                    }
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + Environment.NewLine;
    }

    /// <summary>Numbers are right-aligned in a table.</summary>
    public static bool IsNumeric(QueryResult result, int column) =>
        result.TypeOf(column) is { } type
            ? type is "Decimal" or "Double" or "Float" or "BigInt" or "Integer" or "SmallInt" or "TinyInt" or "HugeInt" or "UnsignedBigInt"
                or "UnsignedInteger" or "UnsignedSmallInt" or "UnsignedTinyInt" or "UnsignedHugeInt"
            : result.Rows.Select(r => r[column]).FirstOrDefault(v => v is not null) is decimal or double or float or long or int or short or byte or System.Numerics.BigInteger;

    /// <summary>A value of a column as text: <see cref="Format(object?)"/>, with the column's DECIMAL scale and time zone.</summary>
    public static string Format(QueryResult result, int column, object? value, QueryFormatting formatting) => value switch
    {
        null => formatting.NullText,
        decimal d when result.ScaleOf(column) is { } scale => d.ToString("F" + scale.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
        // DuckDB hands a TIMESTAMPTZ over as its UTC instant: shown in the operator's zone, with the offset.
        DateTime t when result.TypeOf(column) == "TimestampTz" =>
            Format(TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)), formatting.Zone)),
        _ => Format(value),
    };

    /// <summary>
    /// An Excel table per statement's result (sheets query, query 2, ...); text cells go through the formula-injection
    /// defence like the pack's.
    /// </summary>
    public static void Xlsx(IReadOnlyList<QueryResult> results, string file, QueryFormatting formatting)
    {
        using var workbook = new XLWorkbook();
        for (var i = 0; i < results.Count; i++)
            Sheet(workbook.Worksheets.Add(i == 0 ? "query" : $"query {i + 1}"), results[i], i == 0 ? "query" : $"query{i + 1}", formatting);
        var full = Path.GetFullPath(file);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        workbook.SaveAs(full);
    }

    private static void Sheet(IXLWorksheet ws, QueryResult result, string tableName, QueryFormatting formatting)
    {
        for (var c = 0; c < result.Columns.Count; c++) ws.Cell(1, c + 1).SetValue(result.Columns[c]);
        for (var r = 0; r < result.Rows.Count; r++)
            for (var c = 0; c < result.Columns.Count; c++)
            {
                var value = result.Rows[r][c];
                if (value is System.Collections.IEnumerable and not string or TimeSpan or DateTimeOffset or DuckDB.NET.Native.DuckDBInterval or TimeOnly or Stream) value = Format(value);
                if (value is double dv && !double.IsFinite(dv)) value = Format(value);
                if (value is DateTime && result.TypeOf(c) == "TimestampTz") value = Format(result, c, value, formatting);
                var kind = value switch
                {
                    string => ColumnKind.SourceText,
                    DateOnly => ColumnKind.Date,
                    DateTime => ColumnKind.Timestamp,
                    decimal or double or float => ColumnKind.Number,
                    _ => ColumnKind.Count,
                };
                TableWriter.WriteCell(ws.Cell(r + 2, c + 1), value is System.Numerics.BigInteger n ? (decimal)n : value, kind);
            }
        if (result.Columns.Count > 0)
        {
            var table = ws.Range(1, 1, Math.Max(2, result.Rows.Count + 1), result.Columns.Count).CreateTable(tableName);
            table.ShowAutoFilter = true;
        }
        ws.SheetView.FreezeRows(1);
    }

    /// <summary>
    /// A value as text: dates ISO 8601, timestamps ISO 8601 with their fraction of a second (and offset, when they have one),
    /// intervals as ISO 8601 durations (P3D), lists, structs and maps as JSON, numbers invariant.
    /// </summary>
    public static string Format(object? value) => value switch
    {
        null => "",
        string s => s,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFzzz", CultureInfo.InvariantCulture),
        TimeSpan span => System.Xml.XmlConvert.ToString(span),
        DuckDB.NET.Native.DuckDBInterval interval => IsoDuration(interval),
        TimeOnly t => t.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        Stream blob => Blob(blob),
        System.Collections.IEnumerable nested => Nested(nested),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>An interval as ISO 8601 from DuckDB's parts (months, days, microseconds): P1Y2M3DT4H5M6.5S, -P1D, PT0S.</summary>
    public static string IsoDuration(DuckDB.NET.Native.DuckDBInterval interval) =>
        // DuckDB.NET hands the microseconds over as unsigned: a negative time part is its two's complement.
        IsoDuration(interval.Months, interval.Days, unchecked((long)interval.Micros));

    private static string IsoDuration(long months, long days, long micros)
    {
        // Wholly negative: one sign in front (-P1D); mixed signs (DuckDB allows 1 month -1 day): each part its own.
        if (months <= 0 && days <= 0 && micros <= 0 && (months < 0 || days < 0 || micros < 0))
            return "-" + IsoDuration(-months, -days, -micros);
        var text = new StringBuilder("P");
        var (years, restMonths) = (months / 12, months % 12);
        if (years != 0) text.Append(CultureInfo.InvariantCulture, $"{years}Y");
        if (restMonths != 0) text.Append(CultureInfo.InvariantCulture, $"{restMonths}M");
        if (days != 0) text.Append(CultureInfo.InvariantCulture, $"{days}D");
        if (micros != 0)
        {
            var (hours, rest) = (micros / 3_600_000_000, micros % 3_600_000_000);
            var (minutes, seconds) = (rest / 60_000_000, rest % 60_000_000 / 1_000_000m);
            text.Append('T');
            if (hours != 0) text.Append(CultureInfo.InvariantCulture, $"{hours}H");
            if (minutes != 0) text.Append(CultureInfo.InvariantCulture, $"{minutes}M");
            if (seconds != 0) text.Append(CultureInfo.InvariantCulture, $"{seconds.ToString("0.######", CultureInfo.InvariantCulture)}S");
        }
        return text.Length == 1 ? "PT0S" : text.ToString();
    }

    /// <summary>A BLOB as DuckDB prints one: printable ASCII as is, every other byte as \xNN.</summary>
    private static string Blob(Stream blob)
    {
        using var bytes = new MemoryStream();
        blob.CopyTo(bytes);
        var text = new StringBuilder();
        foreach (var b in bytes.ToArray())
            if (b is >= 0x20 and < 0x7f and not (byte)'\\') text.Append((char)b);
            else text.Append(CultureInfo.InvariantCulture, $"\\x{b:X2}");
        return text.ToString();
    }

    /// <summary>A list, struct or map as JSON, its leaves formatted as <see cref="Format"/> does (numbers stay numbers).</summary>
    private static string Nested(System.Collections.IEnumerable value)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
            Write(json, value);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case bool b: json.WriteBooleanValue(b); break;
            case double d when !double.IsFinite(d): json.WriteStringValue(d.ToString(CultureInfo.InvariantCulture)); break;
            case float f when !float.IsFinite(f): json.WriteStringValue(f.ToString(CultureInfo.InvariantCulture)); break;
            case decimal or double or float or long or int or short or sbyte or byte or ulong or uint or ushort:
                json.WriteRawValue(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture)); break;
            case string s: json.WriteStringValue(s); break;
            case System.Collections.IDictionary map:
                json.WriteStartObject();
                foreach (System.Collections.DictionaryEntry entry in map)
                {
                    json.WritePropertyName(Format(entry.Key));
                    Write(json, entry.Value);
                }
                json.WriteEndObject();
                break;
            case System.Collections.IEnumerable list:
                json.WriteStartArray();
                foreach (var item in list) Write(json, item);
                json.WriteEndArray();
                break;
            default: json.WriteStringValue(Format(value)); break;
        }
    }
}
