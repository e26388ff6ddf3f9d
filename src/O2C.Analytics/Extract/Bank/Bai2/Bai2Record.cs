namespace O2C.Analytics.Extract.Bank.Bai2;

/// <summary>
/// One logical BAI2 record: its type code and fields, with any 88 continuation records folded in.
/// <paramref name="PhysicalRecords"/> counts the physical records (the record and its continuations) for the
/// trailers' record counts.
/// </summary>
internal sealed record Bai2Record(string Code, List<string> Fields, int Line, int PhysicalRecords)
{
    public string Field(int index) => index < Fields.Count ? Fields[index].Trim() : "";
}
