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
        CheckDepth(fileName, stream);
        stream.Position = start;
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 0,
            MaxCharactersInDocument = MaxCharacters,
            IgnoreComments = true,
        };
        try
        {
            using var reader = XmlReader.Create(stream, settings);
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw new BankFormatException(fileName, e.LineNumber, $"not well-formed or not allowed XML: {e.Message.Split('\n')[0]}");
        }
    }

    private static void CheckDepth(string fileName, Stream stream)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 0,
            MaxCharactersInDocument = MaxCharacters,
            IgnoreComments = true,
            IgnoreWhitespace = true,
            CloseInput = false,
        };
        try
        {
            using var reader = XmlReader.Create(stream, settings);
            while (reader.Read())
                if (reader.NodeType == XmlNodeType.Element && reader.Depth >= MaxDepth)
                    throw new BankFormatException(fileName, ((IXmlLineInfo)reader).LineNumber,
                        $"elements nested more than {MaxDepth} deep; a bank statement is never nested so deep");
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
