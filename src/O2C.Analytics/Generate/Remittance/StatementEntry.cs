namespace O2C.Analytics.Generate.Remittance;

/// <summary>
/// One line of a generated bank statement, before a format writes it: signed amount (credits positive), the bank's own
/// reference (unique: the study's key to its truth), the payer as the bank shows it, the free remittance text, structured
/// references (camt RfrdDocInf numbers or an RF creditor reference), EDI 820 segments (BAI2 ACH addenda), and whether it
/// undoes an earlier entry of ours (a bounced refund, a direct debit of ours returned).
/// </summary>
internal sealed record StatementEntry(
    string Currency, DateOnly ValueDate, decimal Amount, string BankReference, string Channel,
    string? PayerName, string? PayerAccount, string? Text, IReadOnlyList<string> StructuredReferences, string? Edi, bool IsReturn = false,
    string? EndToEndId = null);

/// <summary>What a credit really was: the study's answer key, one row per credit.</summary>
internal sealed record StudyTruth(
    string BankReference, RemittanceKind Kind, string? CustomerId, IReadOnlyList<(string DocumentId, decimal Paid)> Documents,
    bool EnoughInformation, decimal Discount = 0, decimal Deduction = 0, string? DeductionCategory = null, decimal Fee = 0);
