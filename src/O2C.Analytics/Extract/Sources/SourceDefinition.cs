using System.Text.Json;
using System.Text.Json.Serialization;

namespace O2C.Analytics.Extract.Sources;

/// <summary>The sources file (o2c.sources.json): every source the extractor reads, in order.</summary>
public sealed record SourcesConfig(IReadOnlyList<SourceDefinition> Sources)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>Reads a sources file; relative paths in it are relative to the file's folder.</summary>
    public static SourcesConfig Load(string path)
    {
        SourcesConfig? config;
        try
        {
            config = JsonSerializer.Deserialize<SourcesConfig>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            // Say where and, for a kind, which ones there are: "kind camt" is a typo of camt053.
            var kinds = string.Join(", ", Enum.GetValues<SourceKind>().Select(k => JsonNamingPolicy.KebabCaseLower.ConvertName(k.ToString())));
            var where = e.Path is { Length: > 0 } p ? $" at {p}" : "";
            throw new ArgumentException(e.Path?.EndsWith(".Kind", StringComparison.OrdinalIgnoreCase) == true
                ? $"{path}: unknown source kind{where}; the kinds are {kinds}"
                : $"{path}: not a valid sources file{where} (line {e.LineNumber + 1}): {e.Message.Split(" Path:")[0]}");
        }
        if (config is null) throw new ArgumentException($"{path}: empty sources file");
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        return config with { Sources = config.Sources.Select(s => s with { BaseFolder = folder }).ToList() };
    }
}

/// <summary>What a source is: its files, its kind, and for tabular kinds how its columns map onto the canonical model.</summary>
public sealed record SourceDefinition(
    string Name,
    SourceKind Kind,
    string Path,
    string? Company = null,
    string? Entity = null,
    CsvOptions? Csv = null,
    IReadOnlyDictionary<string, JsonElement>? Columns = null,
    IReadOnlyDictionary<string, string>? Defaults = null,
    SignConvention? Sign = null,
    ControlTotalPolicy ControlTotals = ControlTotalPolicy.Reject,
    string? Description = null)
{
    [JsonIgnore] public string BaseFolder { get; init; } = ".";

    public IReadOnlyList<string> Files()
    {
        var pattern = System.IO.Path.IsPathRooted(Path) ? Path : System.IO.Path.Combine(BaseFolder, Path);
        var folder = System.IO.Path.GetDirectoryName(pattern)!;
        var mask = System.IO.Path.GetFileName(pattern);
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, mask).Order(StringComparer.Ordinal).ToList()
            : [];
    }

    public ColumnMapping? Column(string canonical) =>
        Columns is not null && Columns.TryGetValue(canonical, out var element) ? ColumnMapping.From(canonical, element) : null;
}

public enum SourceKind
{
    /// <summary>A delimited file whose rows are one canonical entity (Entity says which).</summary>
    Csv,
    /// <summary>An Excel workbook's first sheet, mapped like Csv.</summary>
    Xlsx,
    /// <summary>An AR line-item export with clearing dates (SAP FBL5N style): documents plus a settlement on the clearing date.</summary>
    ClearedItemsCsv,
    Bai2,
    Camt053,
    Mt940,
}

public enum ControlTotalPolicy
{
    /// <summary>A control total or balance that does not agree rejects the file.</summary>
    Reject,
    /// <summary>The mismatch is reported and the file loads.</summary>
    Warn,
}

/// <summary>How a delimited file is written.</summary>
public sealed record CsvOptions(string Delimiter = ",", string DecimalSeparator = ".", string ThousandsSeparator = "", string Encoding = "utf-8");

/// <summary>
/// How amounts carry their sign: "negative-is-credit" (a negative amount is a credit memo), or a column whose
/// CreditValue marks credits (SAP's S/H, Soll/Haben).
/// </summary>
public sealed record SignConvention(string Mode = "negative-is-credit", string? Column = null, string? CreditValue = null);
