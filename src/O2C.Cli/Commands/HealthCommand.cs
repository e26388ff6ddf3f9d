using System.CommandLine;
using O2C.Analytics.Configuration;
using O2C.Analytics.Schedule;

namespace O2C.Cli.Commands;

/// <summary>`o2c health`: is `o2c schedule` alive for this warehouse? For a container's HEALTHCHECK or a monitor.</summary>
public static class HealthCommand
{
    public static Command Create()
    {
        var command = new Command("health", "Exit 0 if `o2c schedule` is alive for the warehouse (its heartbeat file is fresh), else 1 with the reason; for health checks");
        command.SetAction(parse =>
        {
            var settings = O2cSettings.Load();
            var (alive, message) = SchedulerHeartbeat.Check(CommonOptions.WarehousePath(parse, settings), DateTimeOffset.UtcNow, settings.Clock);
            if (!alive)
            {
                ErrorOutput.Line(message);
                return O2C.Analytics.ExitCodes.Failed;
            }
            Console.WriteLine(message);
            return O2C.Analytics.ExitCodes.Ok;
        });
        return command;
    }
}
