using System.Globalization;
using O2C.Analytics.Analyst;
using O2C.Analytics.Render.Excel;
using Spectre.Console;

namespace O2C.Cli.Commands;

/// <summary>`o2c predict worklist` as a table for a collector at the terminal, or every column as CSV or JSON for a dialler or a CRM.</summary>
public static class CollectionWorklistOutput
{
    public static void Write(ReportTable worklist, DateOnly? asOf, string format)
    {
        // CSV and JSON: every column of the pack's worklist, machine-readable, through the same writers as o2c sql.
        var asQuery = new QueryResult(worklist.Columns.Select(c => c.Field).ToList(), worklist.Rows);
        switch (format)
        {
            case "csv": Console.Write(QueryOutput.Csv(asQuery)); return;
            case "json": Console.Write(QueryOutput.Json(asQuery, QueryFormatting.Csv)); return;
        }
        string Text(int row, string field) => Convert.ToString(worklist.Value(row, field), CultureInfo.InvariantCulture) ?? "";
        string Number(int row, string field, string pattern) => worklist.Value(row, field) is null or DBNull ? "" : Convert.ToDecimal(worklist.Value(row, field), CultureInfo.InvariantCulture).ToString(pattern, CultureInfo.InvariantCulture);
        string Day(int row, string field) => worklist.Value(row, field) switch
        {
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => "",
        };
        var table = new Table().Title($"collection worklist{(asOf is null ? "" : $" as of {asOf:yyyy-MM-dd}")}")
            .AddColumn("invoice").AddColumn("customer").AddColumn("collector").AddColumn("due")
            .AddColumn(new TableColumn("days past due").RightAligned()).AddColumn(new TableColumn("open").RightAligned()).AddColumn("expected")
            .AddColumn(new TableColumn("p(late)").RightAligned()).AddColumn(new TableColumn("expected loss").RightAligned()).AddColumn("next step").AddColumn("reasons");
        for (var i = 0; i < worklist.Rows.Count; i++)
            table.AddRow(Markup.Escape(Text(i, "document_id")), Markup.Escape(Text(i, "customer_name")), Markup.Escape(Text(i, "collector")), Day(i, "due_date"),
                Number(i, "days_past_due", "N0"), Number(i, "open_amount_rc", "N0"), Day(i, "expected_pay_date") is { Length: > 0 } day ? day : "no date",
                Number(i, "probability_late", "P0"), Number(i, "expected_loss", "N0"), Markup.Escape(Text(i, "next_step")),
                Markup.Escape($"{Text(i, "reason_codes")}: {Text(i, "reasons")}"));
        AnsiConsole.Write(table);
    }
}
