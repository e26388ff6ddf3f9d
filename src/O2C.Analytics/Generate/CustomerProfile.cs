namespace O2C.Analytics.Generate;

/// <summary>A generated customer: master data plus the hidden traits that drive its history.</summary>
public sealed record CustomerProfile(
    string CustomerId,
    string Name,
    string Segment,
    string Region,
    string CountryCode,
    string Currency,
    int TermsDays,
    decimal CreditLimit,
    string RiskClass,
    string Collector,
    string BpoTeam,
    bool EInvoicing,
    PaymentBehaviour Behaviour,
    double InvoicesPerMonth,
    double MedianInvoiceAmount,
    double DisputeRate,
    bool BatchPayer,
    bool NeverPaysSome,
    bool Deteriorates);
