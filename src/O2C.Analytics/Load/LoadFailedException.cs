namespace O2C.Analytics.Load;

/// <summary>The whole load was rolled back; the warehouse is as it was. The message is one line.</summary>
public sealed class LoadFailedException(string message, Exception? inner = null) : Exception(message, inner);
