namespace O2C.Analytics.Schedule;

/// <summary>One scheduled job from configuration (o2c.json "Schedule:Jobs").</summary>
public sealed class ScheduledJobSettings
{
    public string Name { get; set; } = "";
    /// <summary>load (a folder of canonical files) | extract (configured sources) | refresh | pack | sla | export.</summary>
    public string Kind { get; set; } = "";
    /// <summary>Quartz cron expression (seconds first), e.g. "0 0 6 * * ?" for 06:00 every day.</summary>
    public string? Cron { get; set; }
    /// <summary>Run on this business day after each month end (holiday calendar), at <see cref="At"/>.</summary>
    public int? BusinessDayOfMonth { get; set; }
    /// <summary>Run on this business day after each quarter end, at <see cref="At"/>.</summary>
    public int? BusinessDayOfQuarter { get; set; }
    public string At { get; set; } = "07:00";
    /// <summary>load: the folder to load; extract: the sources file.</summary>
    public string? Source { get; set; }
    /// <summary>pack, sla: mail the report.</summary>
    public bool Send { get; set; }
    /// <summary>Run once when the host starts, besides the schedule.</summary>
    public bool RunAtStart { get; set; }
}

/// <summary>The scheduler's settings: its jobs, how transient failures are retried.</summary>
public sealed class ScheduleSettings
{
    public List<ScheduledJobSettings> Jobs { get; set; } = [];
    /// <summary>Attempts for a transient failure (a locked warehouse, an unreachable mail server), the first included.</summary>
    public int Attempts { get; set; } = 3;
    /// <summary>Delay before the second attempt; doubled for each further one.</summary>
    public double RetryDelaySeconds { get; set; } = 30;
    /// <summary>After a refresh, publish the Parquet snapshot here (none when empty).</summary>
    public string? ExportParquet { get; set; }

    /// <summary>The kinds of job there are (PipelineJobs runs them).</summary>
    public static readonly IReadOnlyList<string> Kinds = ["load", "extract", "refresh", "match", "pack", "sla", "export"];

    /// <summary>
    /// Refuses at start what would otherwise never run, silently: a job of an unknown kind, without a name, with a
    /// cron expression that does not parse, or with no rule at all besides a chain.
    /// </summary>
    public void Validate()
    {
        for (var i = 0; i < Jobs.Count; i++)
        {
            var job = Jobs[i];
            var where = $"Schedule:Jobs:{i}" + (job.Name.Length > 0 ? $" ({job.Name})" : "");
            if (job.Name.Trim().Length == 0) throw new ArgumentException($"{where}: Name is missing");
            if (!Kinds.Contains(job.Kind))
                throw new ArgumentException($"{where}: unknown Kind '{job.Kind}'; the kinds are {string.Join(", ", Kinds)}");
            if (job.Cron is { Length: > 0 } cron && !Quartz.CronExpression.TryParse(cron, out _))
                throw new ArgumentException($"{where}: '{cron}' is not a valid cron expression (seconds minutes hours day-of-month month day-of-week)");
        }
    }

    /// <summary>A sensible default: load data-samples daily at 06:00 (refreshing when anything loaded), the pack on the 3rd business day, the SLA review on the 5th of the quarter.</summary>
    public static ScheduleSettings Default(string dataFolder) => new()
    {
        Jobs =
        [
            new() { Name = "load", Kind = "load", Cron = "0 0 6 * * ?", Source = dataFolder },
            new() { Name = "refresh", Kind = "refresh" },
            new() { Name = "monthly-pack", Kind = "pack", BusinessDayOfMonth = 3, At = "08:00", Send = true },
            new() { Name = "quarterly-sla-review", Kind = "sla", BusinessDayOfQuarter = 5, At = "08:00", Send = true },
        ],
    };
}
