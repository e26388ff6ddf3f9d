using System.Globalization;
using O2C.Analytics.Tests.Cli;
using O2C.Analytics.Tests.Support;

namespace O2C.Analytics.Tests.Predict;

/// <summary>`o2c predict worklist` on the sample: reasons as of the scoring date, the collector filter, CSV for a dialler.</summary>
[Collection(SamplePackCollection.Name)]
public sealed class CollectionWorklistTests(SamplePackFixture run)
{
    private IReadOnlyList<Dictionary<string, string>> Worklist(params string[] args)
    {
        var (exit, output, error) = CliProcess.Run(run.Folder, ["predict", "worklist", "--db", run.Options.WarehousePath, "--format", "csv", .. args]);
        Assert.True(exit == 0, error);
        using var reader = new StringReader(output);
        var header = Csv(reader.ReadLine()!);
        var rows = new List<Dictionary<string, string>>();
        while (reader.ReadLine() is { Length: > 0 } line)
            rows.Add(header.Zip(Csv(line)).ToDictionary(p => p.First, p => p.Second));
        return rows;
    }

    /// <summary>RFC 4180 fields of one line (the worklist has no line breaks in its fields).</summary>
    private static List<string> Csv(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }

    [Fact]
    public void The_payment_history_behind_a_reason_is_the_one_known_on_the_scoring_evening()
    {
        var rows = Worklist("--top", "200");
        Assert.Equal(200, rows.Count);
        Assert.Contains("due_date", rows[0].Keys);
        Assert.Contains("days_past_due", rows[0].Keys);
        using var warehouse = run.OpenWarehouse();
        var evening = warehouse.Scalar<DateOnly>("SELECT max(as_of) FROM payment_predictions").AddDays(-1);
        var checkedRows = 0;
        foreach (var row in rows.Where(r => r["reason_codes"].Contains("PAYS_LATE", StringComparison.Ordinal)).Take(5))
        {
            // The customer's invoices settled by cash on or before the evening (not before the open invoice's own date).
            var paid = warehouse.Scalar<long>("""
                select count(*) from int_document_settlement s join stg_documents d using (document_id)
                where d.customer_id = $customer and d.document_type = 'invoice' and s.settled_by_cash and s.settled_date <= $evening
                """, ("evening", evening), ("customer", row["customer_id"]));
            Assert.Contains($"({paid} invoices paid)", row["reasons"], StringComparison.Ordinal);
            // Days past due counted to the evening too: evening - due date.
            Assert.Equal(evening.DayNumber - DateOnly.Parse(row["due_date"], CultureInfo.InvariantCulture).DayNumber, int.Parse(row["days_past_due"], CultureInfo.InvariantCulture));
            checkedRows++;
        }
        Assert.Equal(5, checkedRows);
        // A customer who had paid invoices by the evening is never "no history", however old the open invoice.
        var noHistory = rows.Where(r => r["reason_codes"].Contains("NO_HISTORY", StringComparison.Ordinal)).Select(r => r["customer_id"]).Distinct().ToList();
        foreach (var customer in noHistory)
            Assert.Equal(0L, warehouse.Scalar<long>("select count(*) from int_document_settlement s join stg_documents d using (document_id) where d.customer_id = $c and s.settled_by_cash and s.settled_date <= $evening",
                ("c", customer), ("evening", evening)));
        // Codes and words agree: as many risk words as risk codes.
        Assert.All(rows, r => Assert.Equal(
            r["reason_codes"].Split(',').Count(c => c is not ("PROMISE_BROKEN" or "IN_DISPUTE" or "NO_CONTACT" or "ESCALATE" or "REMIND")),
            r["reasons"].Split("; ").Length));
    }

    [Fact]
    public void The_collector_filter_keeps_that_collectors_customers_only_and_all_of_them()
    {
        var all = Worklist("--top", "100000");
        var alice = Worklist("--top", "100000", "--collector", "Alice Moreno");
        Assert.NotEmpty(alice);
        Assert.All(alice, r => Assert.Equal("Alice Moreno", r["collector"]));
        Assert.Equal(all.Count(r => r["collector"] == "Alice Moreno"), alice.Count);
        // Ranked within her list: 1, 2, 3, ...
        Assert.Equal(Enumerable.Range(1, alice.Count).Select(i => i.ToString(CultureInfo.InvariantCulture)), alice.Select(r => r["rank"]));
    }
}
