using O2C.Analytics.Sla;
namespace O2C.Analytics.Render.Excel;

/// <summary>How a column is written and formatted in the workbook.</summary>
public enum ColumnKind
{
    /// <summary>Text the program made (names of KPIs, buckets, statuses).</summary>
    Text,
    /// <summary>Text that came from source data: written so Excel never evaluates it.</summary>
    SourceText,
    Date,
    Month,
    Timestamp,
    /// <summary>Money in the reporting currency, two decimals with thousands separators.</summary>
    Amount,
    /// <summary>Money on a leadership page: scaled to k or M, no cents (the value stays exact in the cell).</summary>
    ScaledAmount,
    /// <summary>A fraction shown as a percentage (0.125 → 12.5%).</summary>
    Percent,
    /// <summary>Days, one decimal.</summary>
    Days,
    Count,
    Number,
}

/// <summary>One column of a report table: the SQL field it comes from, its header and its format.</summary>
public sealed record ReportColumn(string Field, string Header, ColumnKind Kind, double Width = 14);

/// <summary>A report's rows as read from the warehouse, in the order of its columns.</summary>
public sealed record ReportTable(IReadOnlyList<ReportColumn> Columns, IReadOnlyList<object?[]> Rows)
{
    public static ReportTable Empty(IReadOnlyList<ReportColumn> columns) => new(columns, []);

    public object? Value(int row, string field) => Rows[row][IndexOf(field)];

    public int IndexOf(string field) => FindColumn(field) is var i and >= 0 ? i : throw new ArgumentException($"no column {field}");

    /// <summary>The column's index, or -1 when the table has no such column.</summary>
    public int FindColumn(string field)
    {
        for (var i = 0; i < Columns.Count; i++)
            if (Columns[i].Field == field) return i;
        return -1;
    }
}
