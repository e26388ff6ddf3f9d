namespace O2C.Analytics.Extract.Bank.Mt940;

/// <summary>One MT940 field: its tag (20, 25, 28C, 60F, 61, 86, 62F...), its text (continuation lines joined with \n), its line.</summary>
internal sealed record Mt940Field(string Tag, string Value, int Line);
