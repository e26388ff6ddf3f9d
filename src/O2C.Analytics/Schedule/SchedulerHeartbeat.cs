using System.Globalization;

namespace O2C.Analytics.Schedule;

/// <summary>
/// Proof of life of `o2c schedule`, for a container health check or a monitor: the host rewrites a small file beside
/// the warehouse every <see cref="Interval"/> (the warehouse itself is locked while a job writes, so it cannot be
/// asked), and `o2c health` reads its age. A hung or dead host stops beating; a long job does not stop it.
/// </summary>
public static class SchedulerHeartbeat
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    /// <summary>Older than this, the host is taken for dead: four missed beats.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(2);

    public static string PathFor(string warehousePath) => Path.GetFullPath(warehousePath) + ".heartbeat";

    public static void Beat(string warehousePath, DateTimeOffset now)
    {
        var path = PathFor(warehousePath);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, $"{now.UtcDateTime.ToString("o", CultureInfo.InvariantCulture)} pid {Environment.ProcessId}\n");
        File.Move(temporary, path, overwrite: true); // a reader never sees half a line
    }

    public static void Stop(string warehousePath) => File.Delete(PathFor(warehousePath));

    /// <summary>Whether a scheduler is alive for this warehouse, and a line saying why (or why not).</summary>
    public static (bool Alive, string Message) Check(string warehousePath, DateTimeOffset now, OperatorClock clock)
    {
        var path = PathFor(warehousePath);
        if (!File.Exists(path)) return (false, $"no scheduler is running for {Path.GetFullPath(warehousePath)} (no {Path.GetFileName(path)})");
        var text = File.ReadAllText(path).Trim();
        if (!DateTimeOffset.TryParse(text.Split(' ')[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var beat))
            return (false, $"{path} does not hold a time: '{text}'");
        var age = now - beat;
        var ago = age.TotalSeconds < 120 ? $"{Math.Max(0, age.TotalSeconds):0} s ago" : $"{age.TotalMinutes:0} min ago";
        return age <= MaxAge
            ? (true, $"scheduler alive: last heartbeat {ago} ({clock.Format(beat)}, {text[(text.IndexOf(' ') + 1)..]})")
            : (false, $"scheduler not responding: last heartbeat {ago} ({clock.Format(beat)}); the host is dead or hung");
    }
}
