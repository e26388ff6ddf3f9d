namespace O2C.Analytics.Generate;

/// <summary>How a generated customer pays, relative to the due date (the story segment also pays later over time).</summary>
public enum PaymentBehaviour
{
    /// <summary>Pays a few days early, reliably.</summary>
    Prompt,
    /// <summary>Pays around the due date, with spread.</summary>
    Typical,
    /// <summary>Pays weeks late, month after month.</summary>
    ChronicLate,
    /// <summary>Pays late in summer holidays and at year end.</summary>
    Seasonal,
}
