namespace O2C.Analytics.Load;

/// <summary>A source file that cannot be read at all. The message is one line naming the file and the problem.</summary>
public sealed class SourceFileException(string fileName, string problem)
    : Exception($"{fileName}: {problem}")
{
    public string FileName { get; } = fileName;
    public string Problem { get; } = problem;
}
