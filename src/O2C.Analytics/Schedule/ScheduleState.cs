using O2C.Analytics.Storage;

namespace O2C.Analytics.Schedule;

/// <summary>What the scheduler reads from the warehouse between jobs: the holiday calendar and the run history.</summary>
public sealed class ScheduleState(string warehousePath, SqlFolder sql)
{
    public IReadOnlySet<DateOnly> Holidays() => With(w => w.Query("SELECT holiday_date FROM holidays", r => r.GetFieldValue<DateOnly>(0)).ToHashSet());

    public bool HasHistory(string job) => With(w => JobRunLog.HasHistory(w, job));

    public bool Covered(string job, DateTimeOffset planned) => With(w => JobRunLog.Covered(w, job, planned));

    /// <summary>At start-up: marks runs a dead process left "running" as interrupted; says whether a refresh is owed.</summary>
    public (int Interrupted, bool RefreshOwed) Recover() => With(w => (JobRunLog.MarkInterrupted(w), Pipeline.WarehouseRefresh.Owed(w)));

    private T With<T>(Func<Warehouse, T> read)
    {
        using var warehouse = WarehouseSetup.OpenMigrated(warehousePath, sql);
        return read(warehouse);
    }

    public PipelineScheduler Scheduler(ScheduleSettings settings, ScheduledJobRunner runner, TimeZoneInfo zone, Microsoft.Extensions.Logging.ILogger log) =>
        new(settings, runner, Holidays, HasHistory, Covered, zone, log, Recover);
}
