using O2C.Analytics.Storage;
using System.Text.Json.Nodes;

namespace O2C.Analytics.Audit;

/// <summary>
/// Records the effective configuration whenever it differs from the last one recorded, naming the settings that
/// changed. The configuration holds no secret: the SMTP password is never a setting.
/// </summary>
public static class ConfigurationAudit
{
    /// <returns>The entry recorded, or null when the configuration is as last recorded.</returns>
    public static AuditEntry? RecordIfChanged(Warehouse warehouse, string settingsJson, string? command = null)
    {
        var log = new AuditLog(warehouse);
        var last = log.LatestOf(AuditLog.Configuration);
        var current = Flatten(JsonNode.Parse(settingsJson));
        if (last?.Data is { } previousJson)
        {
            var previous = Flatten(JsonNode.Parse(previousJson));
            var changed = current.Keys.Union(previous.Keys)
                .Where(k => !current.TryGetValue(k, out var a) | !previous.TryGetValue(k, out var b) || a != b)
                .Order(StringComparer.Ordinal).ToList();
            if (changed.Count == 0) return null;
            return log.Record(AuditLog.Configuration, $"configuration changed: {string.Join(", ", changed)}", settingsJson, command);
        }
        return log.Record(AuditLog.Configuration, "configuration first recorded", settingsJson, command);
    }

    /// <summary>Setting path (Mail.SmtpHost, Sla[0].ThresholdDays) to its value as JSON text.</summary>
    private static Dictionary<string, string> Flatten(JsonNode? node)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        void Walk(JsonNode? n, string path)
        {
            switch (n)
            {
                case JsonObject o:
                    foreach (var (key, child) in o) Walk(child, path.Length == 0 ? key : $"{path}.{key}");
                    break;
                case JsonArray a:
                    if (a.Count == 0) values[path] = "[]";
                    for (var i = 0; i < a.Count; i++) Walk(a[i], $"{path}[{i}]");
                    break;
                default:
                    values[path] = n?.ToJsonString() ?? "null";
                    break;
            }
        }
        Walk(node, "");
        return values;
    }
}
