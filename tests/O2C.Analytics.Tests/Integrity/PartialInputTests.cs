using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using O2C.Analytics.Load;
using O2C.Analytics.Tests.Support;
using static O2C.Analytics.Tests.Support.CanonicalFiles;

namespace O2C.Analytics.Tests.Integrity;

/// <summary>
/// Issue 16: a partial file never loads as if whole. A .csv.gz cut short used to load its first 2,000 of 3,896 rows
/// with no reject and exit 0; a file replaced during the load was recorded under the old content's hash.
/// </summary>
public sealed class PartialInputTests
{
    private static byte[] CustomersGzip(int count)
    {
        var text = string.Join("\n", new[] { Customers }.Concat(Enumerable.Range(1, count).Select(i => Customer($"C{i:D6}")))) + "\n";
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Optimal)) gzip.Write(System.Text.Encoding.UTF8.GetBytes(text));
        return memory.ToArray();
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.999)]
    public void A_gzip_file_cut_short_fails_the_load_naming_it(double kept)
    {
        using var w = new TempWarehouse();
        var whole = CustomersGzip(4000);
        File.WriteAllBytes(Path.Combine(w.Sources, "customers.csv.gz"), whole.AsSpan(0, (int)(whole.Length * kept)).ToArray());
        var before = WarehouseContents.Capture(w.Warehouse);

        var error = Assert.Throws<LoadFailedException>(() => new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources));

        Assert.Equal("load failed, nothing was loaded: customers.csv.gz: the gzip file is cut short or corrupt (its content does not match the CRC-32 and length its trailer records); send the whole file again", error.Message);
        Assert.True(before.SequenceEqual(WarehouseContents.Capture(w.Warehouse)));
        Assert.Equal(0, w.Count("customers"));
    }

    [Fact]
    public void The_whole_gzip_file_loads_every_row()
    {
        using var w = new TempWarehouse();
        File.WriteAllBytes(Path.Combine(w.Sources, "customers.csv.gz"), CustomersGzip(4000));
        var result = new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources);
        Assert.Equal((4000L, 0L), (result.Files.Single().RowsLoaded, result.Files.Single().RowsRejected));
    }

    private static byte[] Gzip(string text)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Optimal)) gzip.Write(System.Text.Encoding.UTF8.GetBytes(text));
        return memory.ToArray();
    }

    /// <summary>Three gzip members one after the other (cat a.gz b.gz c.gz): a valid file, which gzip -t accepts.</summary>
    private static byte[] CustomersInThreeMembers() =>
    [
        .. Gzip(Customers + "\n" + string.Join("\n", Enumerable.Range(1, 1500).Select(i => Customer($"C{i:D6}"))) + "\n"),
        .. Gzip(string.Join("\n", Enumerable.Range(1501, 1500).Select(i => Customer($"C{i:D6}"))) + "\n"),
        .. Gzip(string.Join("\n", Enumerable.Range(3001, 1000).Select(i => Customer($"C{i:D6}"))) + "\n"),
    ];

    [Fact]
    public void A_gzip_file_of_several_members_loads_every_row_and_cut_short_fails()
    {
        using var w = new TempWarehouse();
        var whole = CustomersInThreeMembers();
        File.WriteAllBytes(Path.Combine(w.Sources, "customers.csv.gz"), whole);
        var result = new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources);
        Assert.Equal((4000L, 0L), (result.Files.Single().RowsLoaded, result.Files.Single().RowsRejected));

        // The same file cut inside its last member, and cut just after its second: both refused.
        foreach (var kept in new[] { whole.Length - 100, whole.Length - Gzip(string.Join("\n", Enumerable.Range(3001, 1000).Select(i => Customer($"C{i:D6}"))) + "\n").Length + 10 })
        {
            using var cut = new TempWarehouse();
            File.WriteAllBytes(Path.Combine(cut.Sources, "customers.csv.gz"), whole.AsSpan(0, kept).ToArray());
            var error = Assert.Throws<LoadFailedException>(() => new CanonicalLoader(cut.Warehouse).LoadFolder(cut.Sources));
            Assert.Contains("the gzip file is cut short or corrupt", error.Message);
            Assert.Equal(0, cut.Count("customers"));
        }
    }

    /// <summary>Reports synchronously, so the test acts at the exact step (Progress&lt;T&gt; posts later).</summary>
    private sealed class OnStep(string step, Action act) : IProgress<string>
    {
        public void Report(string value)
        {
            if (value == step) act();
        }
    }

    [Fact]
    public void A_file_replaced_during_the_load_by_one_of_the_same_size_and_time_loads_as_scanned_under_its_own_hash()
    {
        using var w = new TempWarehouse();
        var path = w.Write("customers.csv", Customers, Customer("C1"), Customer("C2"));
        var original = File.ReadAllBytes(path);
        var written = File.GetLastWriteTimeUtc(path);
        // Same length, same modification time, other content: C1 and C2 become X1 and X2.
        var replacement = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(original).Replace("C1", "X1").Replace("C2", "X2"));
        Assert.Equal(original.Length, replacement.Length);

        new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources, new OnStep("loading customers.csv", () =>
        {
            File.WriteAllBytes(path, replacement);
            File.SetLastWriteTimeUtc(path, written);
        }));

        Assert.Equal(["C1", "C2"], w.Warehouse.Query("SELECT customer_id FROM customers ORDER BY 1", r => r.GetString(0)));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(original)), w.Warehouse.Scalar<string>("SELECT sha256 FROM load_files"));
        // The next load sees the replacement as what it is: a changed file.
        var next = new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources);
        Assert.Equal(FileLoadStatus.Replaced, next.Files.Single().Status);
        Assert.Equal(["X1", "X2"], w.Warehouse.Query("SELECT customer_id FROM customers ORDER BY 1", r => r.GetString(0)));
    }

    [Fact]
    public void A_load_leaves_no_staged_copy_and_staging_of_a_dead_process_is_cleaned_at_the_next_start()
    {
        using var w = new TempWarehouse();
        // Other tests load in this process at the same time: look for this load's own copy by a customer id of its own.
        var marker = "C" + Guid.NewGuid().ToString("N");
        w.Write("customers.csv", Customers, Customer(marker));
        new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources);
        Assert.DoesNotContain(Directory.GetDirectories(Path.GetTempPath(), $"o2c-staging-{Environment.ProcessId}-*")
            .SelectMany(d => SafeFiles(d)), f => SafeRead(f).Contains(marker, StringComparison.Ordinal));

        // A process that has ended, as a killed load would have: its staged copy holds customer data.
        using var ended = Process.Start(new ProcessStartInfo("true"))!;
        ended.WaitForExit();
        var abandoned = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"o2c-staging-{ended.Id}-test")).FullName;
        File.WriteAllText(Path.Combine(abandoned, "receipts.csv"), "payer names");
        var alive = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"o2c-staging-{Environment.ProcessId}-test")).FullName;

        Assert.True(StagingFolder.CleanAbandoned() >= 1);

        Assert.False(Directory.Exists(abandoned));
        Assert.True(Directory.Exists(alive));
        Directory.Delete(alive);
    }

    private static string[] SafeFiles(string folder)
    {
        try { return Directory.GetFiles(folder); }
        catch (DirectoryNotFoundException) { return []; }
    }

    private static string SafeRead(string file)
    {
        try { return File.ReadAllText(file); }
        catch (IOException) { return ""; }
    }
}
