namespace O2C.Analytics.Extract.Bank;

/// <summary>
/// One entry of a bank statement. Amount is signed: positive for a credit (money in), negative for a debit.
/// Line is where the entry starts in its file, for messages and lineage.
/// </summary>
public sealed record BankTransaction(
    string AccountNumber,
    string Currency,
    DateOnly ValueDate,
    DateOnly? BookingDate,
    decimal Amount,
    string TypeCode,
    string? BankReference,
    string? CustomerReference,
    string? RemittanceText,
    string? CounterpartyName,
    int Line)
{
    public bool IsCredit => Amount > 0;
}
