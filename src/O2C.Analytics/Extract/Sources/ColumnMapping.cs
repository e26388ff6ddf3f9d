using System.Text.Json;

namespace O2C.Analytics.Extract.Sources;

/// <summary>
/// Where one canonical column comes from: a source column (with a parsing format and a value map), or a constant;
/// a default fills empty values. In the sources file a plain string is the source column's name.
/// </summary>
public sealed record ColumnMapping(
    string Canonical,
    string? Column = null,
    string? Format = null,
    string? Constant = null,
    IReadOnlyDictionary<string, string>? Map = null,
    string? Default = null)
{
    public static ColumnMapping From(string canonical, JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.String) return new ColumnMapping(canonical, Column: element.GetString());
        if (element.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException($"column mapping for {canonical} must be a source column name or an object");
        string? Text(string name) => element.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        Dictionary<string, string>? map = null;
        if (element.TryGetProperty("map", out var m) && m.ValueKind == JsonValueKind.Object)
            map = m.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "");
        var mapping = new ColumnMapping(canonical, Text("column"), Text("format"), Text("constant"), map, Text("default"));
        if (mapping.Column is null && mapping.Constant is null)
            throw new InvalidDataException($"column mapping for {canonical} needs a column or a constant");
        return mapping;
    }
}
