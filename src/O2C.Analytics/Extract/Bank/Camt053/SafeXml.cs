using System.Xml;
using System.Xml.Linq;

namespace O2C.Analytics.Extract.Bank.Camt053;

/// <summary>
/// Loads XML with a real parser and no way out: DTDs are refused (no external entities, no entity expansion),
/// nothing is resolved from outside, and the document size is bounded.
/// </summary>
internal static class SafeXml
{
    public const long MaxCharacters = 512L * 1024 * 1024;

    /// <summary>
    /// The deepest element nesting accepted. camt.053 nests about 15 deep (Document/BkToCstmrStmt/Stmt/Ntry/NtryDtls/
    /// TxDtls/RmtInf/Strd/...); a file nested 200,000 deep (2.8 MB) once took 91 s to refuse while the warehouse was
    /// held. Checked in a streaming pass first, which stops at the first element past the bound.
    /// </summary>
    public const int MaxDepth = 64;

    public static XDocument Load(string fileName, Stream stream)
    {
        if (!stream.CanSeek)
        {
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.Position = 0;
            stream = copy;
        }
        var start = stream.Position;
        return Parse(fileName, () =>
        {
            using (var depth = XmlReader.Create(stream, Settings()))
                while (depth.Read())
                    if (depth.NodeType == XmlNodeType.Element && depth.Depth >= MaxDepth)
                        throw new BankFormatException(fileName, ((IXmlLineInfo)depth).LineNumber,
                            $"elements nested more than {MaxDepth} deep; a bank statement is never nested so deep");
            stream.Position = start;
            using var reader = XmlReader.Create(stream, Settings());
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        });
    }

    /// <summary>No DTD, no resolver, no entity expansion, a bounded document; the caller's stream stays open.</summary>
    private static XmlReaderSettings Settings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        MaxCharactersInDocument = MaxCharacters,
        IgnoreComments = true,
        CloseInput = false,
    };

    private static XDocument Parse(string fileName, Func<XDocument> parse)
    {
        try
        {
            return parse();
        }
        catch (XmlException e)
        {
            throw new BankFormatException(fileName, e.LineNumber, $"not well-formed or not allowed XML: {e.Message.Split('\n')[0]}");
        }
    }

    public static IEnumerable<XElement> Children(this XElement e, string localName) =>
        e.Elements().Where(x => x.Name.LocalName == localName);

    public static XElement? Child(this XElement? e, params string[] path)
    {
        var current = e;
        foreach (var name in path)
        {
            if (current is null) return null;
            current = current.Elements().FirstOrDefault(x => x.Name.LocalName == name);
        }
        return current;
    }

    public static string? Text(this XElement? e, params string[] path) => e.Child(path)?.Value.Trim() is { Length: > 0 } s ? s : null;

    public static int Line(this XElement e) => ((IXmlLineInfo)e).HasLineInfo() ? ((IXmlLineInfo)e).LineNumber : 0;
}
