namespace O2C.Analytics.Extract.Bank;

/// <summary>A statement file that cannot be parsed; the message is one line naming the file, line and problem.</summary>
public sealed class BankFormatException(string fileName, int line, string problem)
    : Exception($"{fileName}: line {line}: {OneLine(problem)}")
{
    public string FileName { get; } = fileName;
    public int Line { get; } = line;

    /// <summary>
    /// A quoted field can span lines and be any length (found by fuzzing: a multi-line :20: value broke the
    /// one-line message); the message keeps one line and a readable length.
    /// </summary>
    private static string OneLine(string problem)
    {
        var text = problem.ReplaceLineEndings(" ");
        return text.Length <= 300 ? text : string.Concat(text.AsSpan(0, 300), "...");
    }
}
