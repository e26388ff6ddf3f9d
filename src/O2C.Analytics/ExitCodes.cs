namespace O2C.Analytics;

/// <summary>
/// What o2c's exit code says, the same for every command (listed in `o2c --help` and the README), so a scheduler or
/// a script can tell a mistake to fix from a busy warehouse to wait for and a mail server to retry.
/// </summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>The warehouse or a job could not complete the work; nothing was committed.</summary>
    public const int Failed = 1;
    /// <summary>A mistake in the command, its arguments, the configuration or an input file: fix and run again.</summary>
    public const int Usage = 2;
    /// <summary>Another process holds the warehouse longer than --wait.</summary>
    public const int Busy = 3;
    /// <summary>Refused by design: a write through o2c sql, an output file that would overwrite.</summary>
    public const int Refused = 4;
    /// <summary>The command ran but did not do what was asked: no file matched, rows rejected beyond the limit.</summary>
    public const int Incomplete = 5;
    /// <summary>The mail server could not be reached or refused the message: nothing was sent; try again.</summary>
    public const int NotSent = 6;
    /// <summary>A defect in o2c: please report it with the trace O2C_DEBUG=1 prints.</summary>
    public const int Internal = 70;

    /// <summary>The table `o2c --help` prints.</summary>
    public static string Described =>
        "Exit codes: 0 done; 1 the warehouse or a job could not complete (nothing committed); 2 a mistake in the command, " +
        "its arguments, the configuration or an input file; 3 the warehouse is busy (another process holds it); " +
        "4 refused (a write through o2c sql, an existing output file); 5 ran but incomplete (no file matched, too many rows " +
        "rejected); 6 mail not sent (server unreachable or refused); 70 a defect in o2c (O2C_DEBUG=1 shows the trace).";
}
