namespace O2C.Analytics.Load;

/// <summary>
/// From data record <paramref name="FromRecord"/> on (1-based), records start <paramref name="ExtraLines"/>
/// lines later than one-record-per-line would put them, because earlier quoted fields held line breaks or
/// blank lines came between records. <paramref name="BlankLines"/> counts the blank lines alone: DuckDB's
/// reject line numbers count those but not line breaks inside quotes.
/// </summary>
public readonly record struct LineOffset(long FromRecord, long ExtraLines, long BlankLines);
