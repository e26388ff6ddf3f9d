namespace O2C.Analytics.Extract;

/// <summary>A source file that cannot be read at all; the message is one line naming it. The run rejects the file and goes on.</summary>
public sealed class UnreadableSourceFileException(string message, Exception? inner) : Exception(message, inner);
