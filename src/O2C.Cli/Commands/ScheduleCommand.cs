using O2C.Analytics.Pipeline;
using O2C.Analytics.Configuration;
using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using O2C.Analytics.Mail;
using O2C.Analytics.Schedule;
using O2C.Analytics.Storage;

namespace O2C.Cli.Commands;

public static class ScheduleCommand
{
    public static Command Create()
    {
        var command = new Command("schedule", "Run the configured jobs unattended (Generic Host + Quartz) until stopped with Ctrl+C or SIGTERM; see docs/operations.md");
        command.SetAction(parse =>
        {
            var settings = O2cSettings.Load();
            var warehouse = Path.GetFullPath(CommonOptions.WarehousePath(parse, settings));
            var schedule = settings.Schedule.Jobs.Count > 0 ? settings.Schedule : ScheduleSettings.Default(settings.DataFolder);
            var sql = SqlFolder.Default();
            settings.Schedule = schedule;
            var jobs = new PipelineJobs(PipelineSteps.From(settings, warehouse, sql));
            var clock = settings.Clock;
            var log = O2C.Cli.Logging.OperatorLog.For("o2c.schedule");
            var runner = new ScheduledJobRunner(warehouse, sql, jobs.Kinds, schedule, log,
                (job, error) => OperationsAlert.Send(settings.Mail, jobs.Steps.Paths.Outbox, job, error), settings.AuditJson(), jobs.Preparations);
            var scheduler = new ScheduleState(warehouse, sql).Scheduler(schedule, runner, clock.Zone, log);
            // Alerts a dead mail server kept back go first.
            if (OperationsAlert.RetryPending(settings.Mail, jobs.Steps.Paths.Outbox) is > 0 and var resent) log.LogInformation("{Resent} pending operations alert(s) sent", resent);

            var builder = Host.CreateApplicationBuilder();
            builder.Logging.ClearProviders();
            // A load is abandoned at once on SIGTERM; a refresh or a report is let finish.
            builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromMinutes(10));
            // Under systemd (Type=notify): ready is signalled once the scheduler has started; elsewhere a no-op.
            builder.Services.AddSystemd();
            builder.Services.AddHostedService(_ => new ScheduleService(scheduler, clock, log, warehouse));
            using var host = builder.Build();
            host.Run();
            return 0;
        });
        return command;
    }

    private sealed class ScheduleService(PipelineScheduler scheduler, OperatorClock clock, ILogger log, string warehouse) : IHostedService, IDisposable
    {
        private Timer? _heartbeat;

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            // Beats from the start, so a health check sees a host that is starting (recovering, catching up) as alive.
            _heartbeat = new Timer(_ => Beat(), null, TimeSpan.Zero, SchedulerHeartbeat.Interval);
            var now = clock.Now;
            await scheduler.StartAsync(now, cancellationToken);
            foreach (var (job, next) in scheduler.NextDue(now))
                log.LogInformation("job {Job} next due {NextDue}", job, next is { } n ? clock.Format(n) : "only when chained or at start");
            log.LogInformation("scheduler started; Ctrl+C or SIGTERM stops it");
        }

        public async Task StopAsync(CancellationToken cancellationToken)
        {
            log.LogInformation("stopping: a running load is rolled back, any other job finishes");
            await scheduler.StopAsync();
            if (_heartbeat is not null) await _heartbeat.DisposeAsync();
            SchedulerHeartbeat.Stop(warehouse);
            log.LogInformation("scheduler stopped");
        }

        private void Beat()
        {
            try { SchedulerHeartbeat.Beat(warehouse, DateTimeOffset.UtcNow); }
            catch (IOException e) { log.LogWarning("heartbeat not written: {Error}", e.Message); }
            catch (UnauthorizedAccessException e) { log.LogWarning("heartbeat not written: {Error}", e.Message); }
        }

        public void Dispose() => _heartbeat?.Dispose();
    }
}
