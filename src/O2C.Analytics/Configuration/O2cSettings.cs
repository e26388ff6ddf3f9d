using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration;

namespace O2C.Analytics.Configuration;

/// <summary>
/// The one settings object of every command and scheduled job: o2c.json in the working folder (optional), then O2C_
/// environment variables, then command-line options. Secrets (the SMTP password) are never read from the file.
/// </summary>
public sealed class O2cSettings
{
    public string Warehouse { get; set; } = "o2c.duckdb";
    public string DataFolder { get; set; } = "data-samples";
    public string ReportsFolder { get; set; } = "reports";
    public string ReportingCurrency { get; set; } = "USD";
    /// <summary>The operator's time zone (IANA id): schedules run in it and times are shown in it with their offset; default the machine's.</summary>
    public string? TimeZone { get; set; }

    [JsonIgnore]
    public O2C.Analytics.Schedule.OperatorClock Clock => O2C.Analytics.Schedule.OperatorClock.From(TimeZone);

    /// <summary>The company's name, printed in the header of every page of the KPI pack.</summary>
    public string? CompanyName { get; set; }
    /// <summary>Loaded dates before this are rejected as implausible (docs/reliability.md).</summary>
    public string LoadEarliestDate { get; set; } = "1990-01-01";
    /// <summary>Loaded dates more than this many years after the load are rejected as implausible.</summary>
    public int LoadYearsAhead { get; set; } = 5;
    /// <summary>A load or extract rejecting more than this share of the rows read exits 5 (ExitCodes.Incomplete) unless --accept-rejects.</summary>
    public double MaxRejectedShare { get; set; } = 0.05;
    /// <summary>Months of the control-chart baseline (after the warm-up).</summary>
    public int SpcBaselineMonths { get; set; } = 12;
    /// <summary>KPIs charted on seasonally adjusted values (month-of-year indices from a 24-month baseline).</summary>
    public string[] SeasonalKpis { get; set; } = [];

    /// <summary>yyyy-MM: the control-chart baseline starts here (after a confirmed process change); empty = after the warm-up.</summary>
    public string? SpcBaselineStart { get; set; }

    [JsonIgnore]
    public O2C.Analytics.Spc.SpcOptions Spc => new(
        SpcBaselineMonths,
        BaselineStart: string.IsNullOrEmpty(SpcBaselineStart) ? null
            : O2C.Analytics.Pipeline.ReportingMonth.Parse(SpcBaselineStart).End,
        SeasonalKpis: SeasonalKpis.ToHashSet());

    /// <summary>SMTP server, sender and recipients; the password only from O2C_SMTP_PASSWORD.</summary>
    public O2C.Analytics.Mail.MailSettings Mail { get; set; } = new();

    /// <summary>Open invoices the payment model gives no date (too far past due, in dispute, no recent contact).</summary>
    public O2C.Analytics.Predict.NoPredictionRules NoPrediction { get; set; } = new();

    /// <summary>The SLAs of the contract; empty = the shipped defaults (SlaCatalog.Defaults).</summary>
    public List<O2C.Analytics.Sla.SlaDefinition> Sla { get; set; } = [];

    [JsonIgnore]
    public IReadOnlyList<O2C.Analytics.Sla.SlaDefinition> SlaDefinitions => Sla.Count > 0 ? Sla : O2C.Analytics.Sla.SlaCatalog.Defaults;

    /// <summary>The BPO partner's teams, the quarterly cap on service credits and the earn-back.</summary>
    public O2C.Analytics.Sla.SlaContract SlaContract { get; set; } = new();

    /// <summary>Log format, level and optional rolling file (docs/operations.md).</summary>
    public LogSettings Logging { get; set; } = new();

    /// <summary>The scheduler's jobs; none configured = ScheduleSettings.Default (daily load of DataFolder, pack, SLA review).</summary>
    public O2C.Analytics.Schedule.ScheduleSettings Schedule { get; set; } = new();

    /// <summary>Where every output of a run goes, for the warehouse at <paramref name="warehousePath"/>.</summary>
    public O2C.Analytics.Pipeline.OutputPaths Paths(string warehousePath) => new(ReportsFolder, warehousePath, Schedule.ExportParquet);

    /// <summary>The effective settings as JSON, for the audit log. Holds no secret: the password is not a setting.</summary>
    public string AuditJson() => JsonSerializer.Serialize(this);

    /// <summary>The environment variable naming the configuration file (else o2c.json in the working folder).</summary>
    public const string ConfigVariable = "O2C_CONFIG";

    /// <summary>
    /// o2c.json (or the file O2C_CONFIG names, which must exist), then O2C_ variables. A key no setting has is refused
    /// with its path: a typo must not be ignored.
    /// </summary>
    public static O2cSettings Load()
    {
        var named = Environment.GetEnvironmentVariable(ConfigVariable);
        var file = Path.GetFullPath(string.IsNullOrWhiteSpace(named) ? "o2c.json" : named);
        if (!string.IsNullOrWhiteSpace(named) && !File.Exists(file))
            throw new ArgumentException($"no configuration file at {named} ({ConfigVariable} or --config)");
        var fromFile = new ConfigurationBuilder().AddJsonFile(file, optional: true).Build();
        var unknown = SettingsValidator.UnknownKeys(fromFile, typeof(O2cSettings));
        if (unknown.Count > 0)
            throw new ArgumentException($"{Path.GetFileName(file)}: unknown setting{(unknown.Count > 1 ? "s" : "")} {string.Join("; ", unknown)}");
        var configuration = new ConfigurationBuilder()
            .AddConfiguration(fromFile)
            .AddEnvironmentVariables("O2C_")
            .Build();
        var settings = new O2cSettings();
        configuration.Bind(settings);
        settings.Schedule.Validate();
        settings.Logging.Validate();
        _ = settings.Clock; // an unknown time zone is refused at start
        return settings;
    }
}
