using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace O2C.Analytics.Storage;

/// <summary>One versioned schema change: sql/migrations/NNNN_name.sql.</summary>
public sealed record Migration(int Version, string Name, string Sql)
{
    private static readonly Regex FileName = new(@"^(\d{4})_([a-z0-9_]+)\.sql$", RegexOptions.CultureInvariant);

    public string Checksum => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));

    public static IReadOnlyList<Migration> ReadAll(string folder)
    {
        var migrations = new List<Migration>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.sql"))
        {
            var match = FileName.Match(System.IO.Path.GetFileName(path));
            if (!match.Success)
                throw new InvalidDataException($"Migration file name must look like 0001_name.sql: {path}");
            migrations.Add(new Migration(int.Parse(match.Groups[1].Value), match.Groups[2].Value, File.ReadAllText(path)));
        }
        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < migrations.Count; i++)
            if (migrations[i].Version != i + 1)
                throw new InvalidDataException($"Migrations must be numbered 1, 2, 3... without gaps; found {migrations[i].Version} at position {i + 1}.");
        return migrations;
    }
}
