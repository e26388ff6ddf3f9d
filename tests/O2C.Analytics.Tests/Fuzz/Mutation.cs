using CsCheck;

namespace O2C.Analytics.Tests.Fuzz;

/// <summary>
/// One edit of a seed file, the way fuzzers mutate: flip, overwrite with a byte that means something to a parser,
/// insert, delete or duplicate a run, truncate, or write a long digit run where a number is. Positions wrap around
/// the input, so every mutation applies to any seed and CsCheck can shrink a failing list to its essence.
/// </summary>
public sealed record Mutation(int Kind, int Position, int Length, int Token)
{
    /// <summary>Bytes the parsers split, quote or escape on, plus bytes no text file should hold.</summary>
    private static readonly byte[][] Tokens =
    [
        "\n"u8.ToArray(), "\r\n"u8.ToArray(), ","u8.ToArray(), "\""u8.ToArray(), ":"u8.ToArray(), "/"u8.ToArray(),
        "<"u8.ToArray(), ">"u8.ToArray(), "&"u8.ToArray(), "-"u8.ToArray(), "+"u8.ToArray(), "."u8.ToArray(),
        "0"u8.ToArray(), "9"u8.ToArray(), " "u8.ToArray(), [0x00], [0xFF], [0xC3], "é"u8.ToArray(), "\t"u8.ToArray(),
        "99999999999999999999999999"u8.ToArray(), "-0.000000001"u8.ToArray(), "1E+308"u8.ToArray(), "NaN"u8.ToArray(),
        "2026-02-30"u8.ToArray(), "9999-99-99"u8.ToArray(), "</"u8.ToArray(), "<![CDATA["u8.ToArray(), "&amp;"u8.ToArray(),
        ":61:"u8.ToArray(), ":86:"u8.ToArray(), "88,"u8.ToArray(), "16,"u8.ToArray(), "/\n"u8.ToArray(), "=HYPERLINK("u8.ToArray(),
    ];

    public static readonly Gen<Mutation> Gen =
        CsCheck.Gen.Select(CsCheck.Gen.Int[0, 6], CsCheck.Gen.Int[0, int.MaxValue], CsCheck.Gen.Int[1, 64], CsCheck.Gen.Int[0, Tokens.Length - 1],
            (kind, position, length, token) => new Mutation(kind, position, length, token));

    /// <summary>A seed (by index) and 1 to 8 edits of it.</summary>
    public static Gen<(int Seed, Mutation[] Edits)> Of(int seeds) =>
        CsCheck.Gen.Select(CsCheck.Gen.Int[0, seeds - 1], Gen.Array[1, 8], (s, e) => (s, e));

    public static byte[] Apply(byte[] seed, IEnumerable<Mutation> edits)
    {
        var data = new List<byte>(seed);
        foreach (var m in edits)
        {
            var at = data.Count == 0 ? 0 : m.Position % data.Count;
            var length = Math.Min(m.Length, data.Count - at);
            switch (m.Kind)
            {
                case 0 when data.Count > 0: data[at] ^= (byte)(1 << (m.Token % 8)); break;                  // flip a bit
                case 1: data.RemoveRange(at, length); data.InsertRange(at, Tokens[m.Token]); break;         // overwrite with a token
                case 2: data.InsertRange(at, Tokens[m.Token]); break;                                       // insert a token
                case 3: data.RemoveRange(at, length); break;                                                // delete a run
                case 4: data.InsertRange(at, data.GetRange(at, length)); break;                             // duplicate a run
                case 5: data.RemoveRange(at, data.Count - at); break;                                       // truncate
                case 6:                                                                                     // a digit becomes a huge number
                    var digit = data.FindIndex(at, b => b is >= (byte)'0' and <= (byte)'9');
                    if (digit >= 0) data.InsertRange(digit, Tokens[20]);
                    break;
            }
        }
        return [.. data];
    }
}
