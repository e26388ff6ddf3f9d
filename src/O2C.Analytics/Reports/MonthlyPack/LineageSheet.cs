using O2C.Analytics.Render.Excel;
using O2C.Analytics.Storage;
using ClosedXML.Excel;

namespace O2C.Analytics.Reports.MonthlyPack;

/// <summary>What the pack was made from: the source files in the warehouse as the load ledger records them, and by what.</summary>
public static class LineageSheet
{
    public const string Name = "Data lineage";
    public const int FilesHeaderRow = 14;

    /// <summary>The audit table's header row: two rows below the source files table (its header, rows, totals-free).</summary>
    public static int AuditHeaderRow(int fileRows) => FilesHeaderRow + fileRows + 3;

    public static readonly IReadOnlyList<ReportColumn> Columns =
    [
        new("entity", "Entity", ColumnKind.Text, 20),
        new("file_name", "Source file", ColumnKind.SourceText, 30),
        new("sha256", "SHA-256", ColumnKind.Text, 66),
        new("size_bytes", "Size (bytes)", ColumnKind.Count, 13),
        new("load_id", "Load", ColumnKind.Count, 7),
        new("loaded_at", "Loaded at (UTC)", ColumnKind.Timestamp, 19),
        new("last_checked", "Last checked (UTC)", ColumnKind.Timestamp, 19),
        new("rows_read", "Rows read", ColumnKind.Count, 11),
        new("rows_loaded", "Rows loaded", ColumnKind.Count, 11),
        new("rows_rejected", "Rows rejected", ColumnKind.Count, 11),
        new("status", "Status", ColumnKind.Text, 9),
    ];

    /// <summary>Below the files table, sharing its columns: the long "what" sits under the SHA-256 column and wraps.</summary>
    public static readonly IReadOnlyList<ReportColumn> AuditColumns =
    [
        new("recorded_at", "Recorded (UTC)", ColumnKind.Timestamp, 19),
        new("action", "Action", ColumnKind.Text, 20),
        new("detail", "What", ColumnKind.SourceText, 66),
        new("command", "By command", ColumnKind.SourceText, 28),
        new("os_user", "User", ColumnKind.SourceText, 9),
        new("entry_id", "Entry", ColumnKind.Count, 7),
    ];

    /// <summary>The audit log's "what" and command wrap; rows get the height their lines need.</summary>
    public static readonly int[] WrappedColumns = [3, 4];

    public static void Write(XLWorkbook workbook, KpiPack pack)
    {
        var ws = SheetLayout.Add(workbook, Name, "Data lineage",
            "Every figure in this pack is computed in the warehouse from the files below; rejected rows are in the warehouse's rejects table with file, line and reason.");
        var provenance = pack.Provenance;
        (string Label, object? Value)[] facts =
        [
            ("Pack made at (UTC)", pack.GeneratedAtUtc),
            ("Month reported", pack.MonthEnd),
            ("Reporting currency", pack.ReportingCurrency),
            ("Program version", provenance?.ProgramVersion),
            ("Warehouse", provenance?.WarehouseFile),
            ("Warehouse version", provenance?.WarehouseVersion),
            ("DuckDB version", provenance?.DuckDbVersion),
            ("Last load finished (UTC)", provenance?.LastLoadAt),
            ("Audit log", pack.AuditChain ?? "not available"),
            ("Payment prediction run", provenance?.PredictionRunId is { } id ? id.ToString(System.Globalization.CultureInfo.InvariantCulture) : "none for this month"),
        ];
        for (var i = 0; i < facts.Length; i++)
        {
            ws.Cell(3 + i, 1).SetValue(facts[i].Label);
            ws.Cell(3 + i, 1).Style.Font.SetBold();
            var cell = ws.Cell(3 + i, 2);
            switch (facts[i].Value)
            {
                case DateTime t: TableWriter.WriteCell(cell, t, ColumnKind.Timestamp); break;
                case DateOnly d: TableWriter.WriteCell(cell, d, ColumnKind.Date); break;
                case var v: UntrustedText.Set(cell, v?.ToString() ?? ""); break;
            }
            cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
        }
        SheetLayout.Heading(ws, FilesHeaderRow - 1, "Source files in the warehouse");
        var files = pack.Lineage ?? ReportTable.Empty(Columns);
        TableWriter.Write(ws, FilesHeaderRow, 1, files, "SourceFiles");
        var auditRow = AuditHeaderRow(files.Rows.Count);
        SheetLayout.Heading(ws, auditRow - 1, "Audit log: loads, configuration changes, model runs, reports sent, purges (latest 200, newest first)");
        var audit = pack.AuditTrail ?? ReportTable.Empty(AuditColumns);
        TableWriter.Write(ws, auditRow, 1, audit, "AuditLog");
        var lastAuditRow = auditRow + Math.Max(1, audit.Rows.Count);
        ws.Range(auditRow + 1, 1, lastAuditRow, AuditColumns.Count).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        foreach (var column in WrappedColumns) ws.Range(auditRow + 1, column, lastAuditRow, column).Style.Alignment.WrapText = true;
        ws.Column(1).Width = 24;
        ws.SheetView.FreezeRows(FilesHeaderRow);
        SheetLayout.Print(ws, FilesHeaderRow);
    }
}
