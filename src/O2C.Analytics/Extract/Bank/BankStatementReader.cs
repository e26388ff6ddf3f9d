using O2C.Analytics.Extract.Bank.Bai2;
using O2C.Analytics.Extract.Bank.Camt053;
using O2C.Analytics.Extract.Bank.Mt940;
using O2C.Analytics.Extract.Sources;

namespace O2C.Analytics.Extract.Bank;

/// <summary>Reads a statement file of the given kind.</summary>
public static class BankStatementReader
{
    /// <summary>
    /// Statements are parsed in memory, so their size is bounded before a byte is parsed: a bank's daily statement is
    /// megabytes; a file past this is refused with one line, not read until memory runs out.
    /// </summary>
    public const long MaxFileBytes = 256L * 1024 * 1024;

    public static BankStatementFile Read(SourceKind kind, string path)
    {
        var size = new FileInfo(path).Length;
        if (size > MaxFileBytes)
            throw new BankFormatException(Path.GetFileName(path), 0,
                $"the file is {size / (1024 * 1024):N0} MiB; statements over {MaxFileBytes / (1024 * 1024)} MiB are refused (split it by day or account)");
        return ReadFormat(kind, path);
    }

    private static BankStatementFile ReadFormat(SourceKind kind, string path) => kind switch
    {
        SourceKind.Bai2 => Bai2Reader.Read(path),
        SourceKind.Camt053 => Camt053Reader.Read(path),
        SourceKind.Mt940 => Mt940Reader.Read(path),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a bank statement kind"),
    };

    /// <summary>The payment method a bank's transaction code stands for; 'other' when it does not say.</summary>
    public static string PaymentMethod(string format, string typeCode, string currency) => format switch
    {
        "BAI2" => typeCode switch
        {
            "115" or "175" or "176" or "177" => "check",
            "142" or "143" or "165" or "166" or "167" or "168" or "169" => "ach",
            "195" or "196" or "198" or "206" or "208" or "218" => "wire",
            _ => "other",
        },
        // A cross-border credit transfer (XBCT) is a wire in any currency; a domestic one in euros is SEPA.
        "camt.053" when typeCode.StartsWith("PMNT/RCDT/XBCT", StringComparison.Ordinal) => "wire",
        "camt.053" when typeCode.StartsWith("PMNT/RCDT", StringComparison.Ordinal) => currency == "EUR" ? "sepa" : "wire",
        "MT940" when typeCode.EndsWith("/XB", StringComparison.Ordinal) => "wire",
        "camt.053" when typeCode.StartsWith("PMNT/RCHQ", StringComparison.Ordinal) => "check",
        "MT940" when typeCode == "NTRF" => currency == "EUR" ? "sepa" : "wire",
        "MT940" when typeCode == "NCHK" => "check",
        _ => "other",
    };
}
