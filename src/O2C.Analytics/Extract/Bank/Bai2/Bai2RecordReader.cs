namespace O2C.Analytics.Extract.Bank.Bai2;

/// <summary>
/// Splits a BAI2 file into logical records. A record ends with '/' (optional at line end in newline-delimited
/// files); an 88 record continues the one before it: its fields are appended (for a 16 record, to the text).
/// </summary>
internal static class Bai2RecordReader
{
    private static readonly HashSet<string> Codes = ["01", "02", "03", "16", "49", "98", "99"];

    public static List<Bai2Record> Read(string fileName, IReadOnlyList<string> lines)
    {
        var records = new List<Bai2Record>();
        foreach (var (line, text) in PhysicalRecords(lines))
        {
            var code = text.Length >= 2 ? text[..2] : text;
            // "88:" instead of "88," occurs in real bank files; it is read as the continuation it clearly is.
            if (text.Length > 2 && text[2] != ',' && !(code == "88" && text[2] == ':'))
                throw new BankFormatException(fileName, line, $"'{Shorten(text)}' is not a BAI2 record (a 2-digit type code and a comma)");
            var body = text.Length > 3 ? text[3..] : "";
            if (code == "88")
            {
                if (records.Count == 0)
                    throw new BankFormatException(fileName, line, "a continuation record (88) with nothing to continue");
                var previous = records[^1];
                if (previous.Code == "16")
                    // The text field of a 16 runs to the end of the record; its continuation is more text.
                    previous.Fields[^1] = (previous.Fields[^1] + " " + body.Trim()).Trim();
                else
                    previous.Fields.AddRange(body.Split(','));
                records[^1] = previous with { PhysicalRecords = previous.PhysicalRecords + 1 };
                continue;
            }
            if (!Codes.Contains(code))
                throw new BankFormatException(fileName, line, $"record type '{code}' is not a BAI2 record type (01, 02, 03, 16, 49, 88, 98, 99)");
            records.Add(new Bai2Record(code, code == "16" ? SplitDetail(body) : body.Split(',').ToList(), line, 1));
        }
        return records;
    }

    /// <summary>
    /// The records of the file with the line each starts on, without their '/' terminator. Most files end every
    /// record with '/' (several records may share a line, and a 16 record's text may run over a line break); others
    /// put one record on each line and leave the '/' out.
    /// </summary>
    private static IEnumerable<(int Line, string Text)> PhysicalRecords(IReadOnlyList<string> lines)
    {
        var nonEmpty = lines.Where(l => l.Trim().Length > 0).ToList();
        var slashDelimited = nonEmpty.Count > 0 && nonEmpty.Count(l => l.TrimEnd().EndsWith('/')) * 2 >= nonEmpty.Count;
        if (!slashDelimited)
        {
            for (var i = 0; i < lines.Count; i++)
                if (lines[i].Trim().Length > 0) yield return (i + 1, StripTerminator(lines[i]));
            yield break;
        }
        var content = string.Join("\n", lines);
        var start = 0;
        var line = 1;
        while (start < content.Length)
        {
            // Skip white space between records, counting the lines it spans.
            while (start < content.Length && char.IsWhiteSpace(content[start]))
            {
                if (content[start] == '\n') line++;
                start++;
            }
            if (start >= content.Length) yield break;
            var end = start;
            while (end < content.Length && !(content[end] == '/' && StartsRecord(content, end + 1))) end++;
            var text = content[start..end];
            yield return (line, text.Replace("\r", "").Replace('\n', ' ').TrimEnd());
            line += text.Count(c => c == '\n');
            start = end + 1;
        }
    }

    /// <summary>True when only white space remains, or the next non-space text is a record's type code and a separator.</summary>
    private static bool StartsRecord(string content, int from)
    {
        var i = from;
        while (i < content.Length && char.IsWhiteSpace(content[i])) i++;
        return i >= content.Length
            || (i + 2 < content.Length && char.IsAsciiDigit(content[i]) && char.IsAsciiDigit(content[i + 1]) && content[i + 2] is ',' or ':');
    }

    /// <summary>A 16 record: the text (everything after the customer reference) keeps its commas.</summary>
    private static List<string> SplitDetail(string body)
    {
        var parts = body.Split(',');
        // Fields before the text: type, amount, funds type (+ its details), bank reference, customer reference.
        var fixedCount = 3 + FundsDetailCount(parts) + 2;
        if (parts.Length <= fixedCount)
            return parts.Select(StripTerminator).Concat(Enumerable.Repeat("", fixedCount + 1 - parts.Length)).ToList();
        var fields = parts.Take(fixedCount).ToList();
        fields.Add(StripTerminator(string.Join(",", parts.Skip(fixedCount))).Trim());
        return fields;
    }

    /// <summary>How many fields follow the funds type in a 16 record: S has 3 amounts, V a date and time, D a count and pairs.</summary>
    internal static int FundsDetailCount(IReadOnlyList<string> parts, int fundsIndex = 2) =>
        (fundsIndex < parts.Count ? parts[fundsIndex].Trim() : "") switch
        {
            "S" => 3,
            "V" => 2,
            "D" => 1 + 2 * (fundsIndex + 1 < parts.Count && int.TryParse(parts[fundsIndex + 1].Trim(), out var n) ? n : 0),
            _ => 0,
        };

    private static string StripTerminator(string s)
    {
        var t = s.TrimEnd();
        return t.EndsWith('/') ? t[..^1] : t;
    }

    private static string Shorten(string s) => s.Length > 30 ? s[..30] + "..." : s;
}
