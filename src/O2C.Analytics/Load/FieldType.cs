namespace O2C.Analytics.Load;

/// <summary>The type of a canonical CSV field: how it is written and what it becomes in the warehouse.</summary>
public enum FieldType
{
    /// <summary>Free text, trimmed; empty means null.</summary>
    Text,
    /// <summary>ISO date yyyy-MM-dd.</summary>
    Date,
    /// <summary>Money: plain decimal, '.' separator, at most 2 decimals, no thousands separators.</summary>
    Money,
    /// <summary>An exchange rate or target: positive decimal, up to 8 decimals.</summary>
    Rate,
    Integer,
    /// <summary>true/false, yes/no, y/n, 1/0 (any case).</summary>
    Flag,
    /// <summary>ISO 4217 code present in the currencies table.</summary>
    Currency,
    /// <summary>One of a fixed list of lower-case codes.</summary>
    Choice,
}
