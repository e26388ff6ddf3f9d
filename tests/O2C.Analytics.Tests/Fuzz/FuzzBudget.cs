using System.Globalization;

namespace O2C.Analytics.Tests.Fuzz;

/// <summary>
/// How long the fuzzers run. CI runs the short budget on every build; the long run is one command
/// (docs/reliability.md): O2C_FUZZ_ITERATIONS=200000 bash scripts/fuzz.sh. Each run appends its executions to the
/// file named by O2C_FUZZ_REPORT when set.
/// </summary>
public static class FuzzBudget
{
    public static int Iterations(int ciDefault) =>
        int.TryParse(Environment.GetEnvironmentVariable("O2C_FUZZ_ITERATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n : ciDefault;

    public static void Report(string parser, long executions, long refused, long accepted)
    {
        if (Environment.GetEnvironmentVariable("O2C_FUZZ_REPORT") is { Length: > 0 } path)
            File.AppendAllText(path, $"{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ}\t{parser}\t{executions}\t{refused}\t{accepted}\n");
    }
}
