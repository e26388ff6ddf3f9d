using System.Globalization;
using O2C.Analytics.Load;
using O2C.Analytics.Tests.Support;
using static O2C.Analytics.Tests.Support.CanonicalFiles;

namespace O2C.Analytics.Tests.Integrity;

/// <summary>
/// Issue 16 point 5: the warehouse is a function of the files in force, not of the order they came in. A generated
/// history gives each of several files one to three versions, over a small key space so keys repeat across files,
/// move between them, vanish and return; parents arrive after the rows naming them; versions are emptied (the file
/// dropping everything it had); a few rows fail on their own (negative amounts), others only against the rest (unknown
/// customer, duplicate key, application beyond its receipt, before its receipt, other currency). Loading the final
/// folder in one go and loading every version one file or a few at a time, in a shuffled order that keeps each
/// file's versions in sequence, must give the same tables and the same rejects (all but the load that found them).
/// In one go every row is judged; one at a time, each load judges only the rows its change can reach (RebuildScope).
/// </summary>
public sealed class ArrivalOrderPropertyTests
{
    private static readonly string[] Tables =
        ["customers", "documents", "receipts", "applications", "disputes", "promises_to_pay", "collection_activities", "write_offs", "fx_rates"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Loading_the_final_folder_in_one_go_equals_loading_the_history_in_any_order(int seed)
    {
        var random = new Random(seed);
        var history = History.Generate(random);

        using var inOneGo = new TempWarehouse();
        foreach (var (name, lines) in history.Final) inOneGo.Write(name, lines);
        new CanonicalLoader(inOneGo.Warehouse) { JudgeEveryRow = true }.LoadFolder(inOneGo.Sources);
        var expected = Snapshot(inOneGo);

        using var oneAtATime = new TempWarehouse();
        var deliveries = history.ShuffledDeliveries(random);
        for (var i = 0; i < deliveries.Count; i++)
        {
            var folder = Directory.CreateDirectory(Path.Combine(oneAtATime.Folder, $"delivery-{i:D3}")).FullName;
            foreach (var (name, lines) in deliveries[i]) File.WriteAllText(Path.Combine(folder, name), string.Join("\n", lines) + "\n");
            new CanonicalLoader(oneAtATime.Warehouse).LoadFolder(folder);
        }
        var actual = Snapshot(oneAtATime);

        foreach (var table in Tables.Prepend("rejects"))
            Assert.True(expected[table] == actual[table], $"seed {seed}, {table} differs.\nin one go:\n{expected[table]}\none at a time:\n{actual[table]}");
        // The generator must have produced the cases the property is about, or the test proves little.
        var rejectCodes = expected["rejects"];
        foreach (var code in new[] { "duplicate_key", "unknown_customer", "non_positive_amount" })
            Assert.True(rejectCodes.Contains(code, StringComparison.Ordinal), $"seed {seed}: no {code} in\n{rejectCodes}\n{string.Join("\n", history.Final.Select(f => f.Name + ": " + string.Join(" / ", f.Lines.Skip(1))))}");
        Assert.True(deliveries.Count >= 10, $"only {deliveries.Count} deliveries");
    }

    /// <summary>Every table as sorted text, without the load that brought each row (which differs by design).</summary>
    private static Dictionary<string, string> Snapshot(TempWarehouse w) =>
        Tables.Append("rejects").ToDictionary(t => t, t => string.Join("\n", w.Warehouse.Query(
            $"SELECT CAST(COLUMNS(* EXCLUDE (load_id)) AS VARCHAR) FROM {t} ORDER BY ALL",
            r => string.Join("|", Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "∅" : r.GetString(i))))));

    private sealed record FileVersion(string Name, int Version, string[] Lines);

    private sealed record History(IReadOnlyList<FileVersion> Versions)
    {
        public IEnumerable<(string Name, string[] Lines)> Final =>
            Versions.GroupBy(v => v.Name).Select(g => (g.Key, g.MaxBy(v => v.Version)!.Lines));

        /// <summary>All versions, shuffled but each file's in order, in deliveries of one to three different files.</summary>
        public List<List<(string Name, string[] Lines)>> ShuffledDeliveries(Random random)
        {
            var queues = Versions.GroupBy(v => v.Name).Select(g => new Queue<FileVersion>(g.OrderBy(v => v.Version))).ToList();
            var deliveries = new List<List<(string, string[])>>();
            while (queues.Any(q => q.Count > 0))
            {
                var open = queues.Where(q => q.Count > 0).OrderBy(_ => random.Next()).ToList();
                var size = Math.Min(open.Count, random.Next(3) == 0 ? random.Next(2, 4) : 1);
                deliveries.Add(open.Take(size).Select(q => q.Dequeue()).Select(v => (v.Name, v.Lines)).ToList());
            }
            return deliveries;
        }

        public static History Generate(Random random)
        {
            var versions = new List<FileVersion>();
            void Add(string name, string header, Func<string[]> rows)
            {
                var count = random.Next(2, 4);
                for (var v = 1; v <= count; v++)
                {
                    // Now and then a version in the middle drops every row it had (the next brings rows back).
                    var body = v > 1 && v < count && random.Next(3) == 0 ? [] : rows();
                    versions.Add(new FileVersion(name, v, [header, .. body]));
                }
            }

            string Pick(string prefix, int count) => prefix + random.Next(1, count + 1).ToString(CultureInfo.InvariantCulture);
            IEnumerable<string> Keys(string prefix, int count) =>
                Enumerable.Range(1, count).Where(_ => random.Next(3) < 2).Select(i => prefix + i.ToString(CultureInfo.InvariantCulture));
            string Amount(int min, int max) => random.Next(8) == 0 ? "-5.00" : $"{random.Next(min, max)}.00";

            // Customers C1..C6 over two files, so a customer can be in both, in neither, or move (and C7, C8 never exist).
            foreach (var file in new[] { "customers-a.csv", "customers-b.csv" })
                Add(file, Customers, () => Keys("C", 6)
                    .Select(id => Customer(id, segment: random.Next(2) == 0 ? "Enterprise" : "SMB")).ToArray());

            // Invoices I1..I10 over two files, and credit memos correcting them (which may not exist).
            foreach (var file in new[] { "documents-a.csv", "documents-b.csv" })
                Add(file, Documents, () => Keys("I", 10)
                    .Select(id => Invoice(id, Pick("C", 8), $"2026-03-0{random.Next(1, 10)}", "2026-04-15", Amount(50, 400)))
                    .Concat(Keys("M", 3).Select(id => $"{id},credit_memo,{Pick("C", 6)},,,2026-03-12,2026-03-12,,{Amount(5, 40)},USD,{Pick("I", 11)},,email"))
                    .ToArray());

            // Receipts R1..R5, now and then in EUR (the documents are USD: a currency mismatch on application).
            Add("receipts.csv", Receipts, () => Keys("R", 5)
                .Select(id => $"{id},{Pick("C", 6)},2026-03-{random.Next(15, 25)},2026-03-25,{Amount(100, 300)},{(random.Next(8) == 0 ? "EUR" : "USD")},wire,REF-{id},")
                .ToArray());

            // Applications A1..A12 over two files; amounts can add up beyond their receipt, dates can precede it.
            foreach (var file in new[] { "applications-a.csv", "applications-b.csv" })
                Add(file, Applications, () => Keys("A", 12)
                    .Select(id => $"{id},{Pick("R", 6)},{Pick("I", 10)},2026-03-{random.Next(14, 29)},{Amount(20, 150)},auto")
                    .ToArray());

            Add("write_offs.csv", WriteOffs, () => Keys("W", 3)
                .Select(id => $"{id},{Pick("I", 10)},2026-03-30,{(random.Next(4) == 0 ? "1.005" : "3.00")},small balance").ToArray());

            // And one file ends empty: everything it brought goes, and what named it with it.
            var emptied = versions.Where(v => v.Version > 1).OrderBy(_ => random.Next()).First();
            var last = versions.Where(v => v.Name == emptied.Name).MaxBy(v => v.Version)!;
            versions[versions.IndexOf(last)] = last with { Lines = [last.Lines[0]] };
            return new History(versions);
        }
    }
}
