namespace O2C.Analytics.Sla;

/// <summary>
/// One service level of the O2C contract: the event it measures, its clock, its threshold (one for all items, or
/// per category), the share of items that must meet it, who owns it, and the service credit a breach or a missed
/// target costs. Bound from configuration (o2c.json "Sla" list); <see cref="SlaCatalog.Defaults"/> when none.
/// </summary>
public sealed class SlaDefinition
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>One of <see cref="SlaCatalog.Events"/>.</summary>
    public string Event { get; set; } = "";
    /// <summary>business (Monday to Friday less holidays) or calendar.</summary>
    public string Clock { get; set; } = "business";
    public int? ThresholdDays { get; set; }
    /// <summary>Thresholds by item category (dispute category); a category not listed uses <see cref="ThresholdDays"/>.</summary>
    public Dictionary<string, int> CategoryThresholds { get; set; } = [];
    /// <summary>Share of items to be within the threshold, 0-1.</summary>
    public decimal TargetRate { get; set; } = 0.95m;
    /// <summary>client, bpo, or data (each item's own owner, as disputes record it).</summary>
    public string Owner { get; set; } = "bpo";
    public decimal? CreditPerBreach { get; set; }
    public decimal? CreditPerMissedTarget { get; set; }

    /// <summary>The threshold in words, e.g. "1 business day" or "by category: pricing 10, tax 20 business days".</summary>
    public string ThresholdText()
    {
        var unit = Clock == "calendar" ? "calendar day" : "business day";
        if (CategoryThresholds.Count == 0) return $"{ThresholdDays} {unit}{(ThresholdDays == 1 ? "" : "s")}";
        var byCategory = string.Join(", ", CategoryThresholds.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"));
        return $"by category: {byCategory}{(ThresholdDays is { } d ? $", other {d}" : "")} {unit}s";
    }

    /// <summary>Why a definition cannot be used, or null when it can.</summary>
    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(Id)) return "an SLA has no Id";
        if (!SlaCatalog.Events.Contains(Event)) return $"SLA {Id}: Event must be one of {string.Join(", ", SlaCatalog.Events)}, not '{Event}'";
        if (Clock is not ("business" or "calendar")) return $"SLA {Id}: Clock must be business or calendar, not '{Clock}'";
        if (ThresholdDays is null && CategoryThresholds.Count == 0) return $"SLA {Id}: needs ThresholdDays or CategoryThresholds";
        if (ThresholdDays < 0 || CategoryThresholds.Values.Any(v => v < 0)) return $"SLA {Id}: thresholds cannot be negative";
        if (TargetRate is < 0 or > 1) return $"SLA {Id}: TargetRate is a share between 0 and 1, not {TargetRate}";
        if (Owner is not ("client" or "bpo" or "data")) return $"SLA {Id}: Owner must be client, bpo or data, not '{Owner}'";
        return null;
    }
}
