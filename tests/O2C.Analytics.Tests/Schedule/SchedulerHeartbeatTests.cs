using O2C.Analytics.Schedule;

namespace O2C.Analytics.Tests.Schedule;

/// <summary>The health check's verdict from the heartbeat's age: alive up to 2 minutes (four missed 30 s beats), dead after.</summary>
public sealed class SchedulerHeartbeatTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("o2c-heartbeat-").FullName;
    private string Warehouse => Path.Combine(_folder, "w.duckdb");
    private static readonly OperatorClock Utc = OperatorClock.From("UTC");
    private static readonly DateTimeOffset Beat = new(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(0, true, "scheduler alive: last heartbeat 0 s ago (2026-12-01 06:00:00 +00:00, pid ")]
    [InlineData(119, true, "scheduler alive: last heartbeat 119 s ago")]
    [InlineData(120, true, "scheduler alive: last heartbeat 2 min ago")]
    [InlineData(121, false, "scheduler not responding: last heartbeat 2 min ago (2026-12-01 06:00:00 +00:00); the host is dead or hung")]
    [InlineData(3600, false, "scheduler not responding: last heartbeat 60 min ago")]
    public void The_verdict_follows_the_heartbeats_age(int secondsLater, bool alive, string message)
    {
        SchedulerHeartbeat.Beat(Warehouse, Beat);
        var (isAlive, said) = SchedulerHeartbeat.Check(Warehouse, Beat.AddSeconds(secondsLater), Utc);
        Assert.Equal(alive, isAlive);
        Assert.StartsWith(message, said);
    }

    [Fact]
    public void No_heartbeat_file_means_no_scheduler_and_a_stopped_host_removes_it()
    {
        Assert.False(SchedulerHeartbeat.Check(Warehouse, Beat, Utc).Alive);
        SchedulerHeartbeat.Beat(Warehouse, Beat);
        SchedulerHeartbeat.Stop(Warehouse);
        var (alive, said) = SchedulerHeartbeat.Check(Warehouse, Beat, Utc);
        Assert.False(alive);
        Assert.Equal($"no scheduler is running for {Warehouse} (no w.duckdb.heartbeat)", said);
    }
}
