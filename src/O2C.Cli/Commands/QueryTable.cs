using System.Globalization;
using O2C.Analytics.Analyst;
using Spectre.Console;

namespace O2C.Cli.Commands;

/// <summary>
/// A query result as a table at the terminal, as DuckDB's own shell shows one: numbers right-aligned, at most
/// <c>maxRows</c> rows (the first and the last half, with a marker between), and the row count under it.
/// </summary>
public static class QueryTable
{
    public static void Write(QueryResult result, QueryFormatting formatting, int maxRows)
    {
        var table = new Table();
        for (var c = 0; c < result.Columns.Count; c++)
        {
            var column = new TableColumn(Markup.Escape(result.Columns[c]));
            table.AddColumn(QueryOutput.IsNumeric(result, c) ? column.RightAligned() : column);
        }
        var shown = Shown(result.Rows.Count, maxRows);
        foreach (var (index, gapBefore) in shown)
        {
            if (gapBefore) table.AddRow(result.Columns.Select(_ => new Text("·")).ToArray<Spectre.Console.Rendering.IRenderable>());
            var row = result.Rows[index];
            table.AddRow(row.Select((v, c) => new Text(QueryOutput.Format(result, c, v, formatting))).ToArray<Spectre.Console.Rendering.IRenderable>());
        }
        AnsiConsole.Write(table);
        var count = result.Rows.Count.ToString("N0", CultureInfo.InvariantCulture);
        Console.WriteLine(shown.Count < result.Rows.Count
            ? $"{count} rows ({shown.Count.ToString("N0", CultureInfo.InvariantCulture)} shown; --max-rows 0 shows all, --format csv writes all)"
            : $"{count} row{(result.Rows.Count == 1 ? "" : "s")}");
    }

    /// <summary>The rows a table shows: all, or the first and last halves of <paramref name="maxRows"/>, with where the gap is.</summary>
    public static IReadOnlyList<(int Index, bool GapBefore)> Shown(int rows, int maxRows)
    {
        if (maxRows == 0 || rows <= maxRows) return Enumerable.Range(0, rows).Select(i => (i, false)).ToList();
        var head = (maxRows + 1) / 2;
        var tail = maxRows - head;
        return Enumerable.Range(0, head).Select(i => (i, false))
            .Concat(Enumerable.Range(rows - tail, tail).Select((i, k) => (i, k == 0)))
            .ToList();
    }
}
