namespace O2C.Analytics.Extract.Bank;

/// <summary>A statement file that cannot be parsed; the message is one line naming the file, line and problem.</summary>
public sealed class BankFormatException(string fileName, int line, string problem)
    : Exception($"{fileName}: line {line}: {problem}")
{
    public string FileName { get; } = fileName;
    public int Line { get; } = line;
}
