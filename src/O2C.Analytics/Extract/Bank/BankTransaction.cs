namespace O2C.Analytics.Extract.Bank;

/// <summary>
/// One entry of a bank statement. Amount is signed: positive for a credit (money in), negative for a debit.
/// Line is where the entry starts in its file, for messages and lineage. <paramref name="IsReversal"/>: the bank
/// marks the entry as undoing an earlier one (camt.053 RvslInd, MT940 RC/RD): a reversed debit brings money back
/// but is no customer's payment; a reversed credit takes back a payment received before. CounterpartyName and
/// CounterpartyAccount are the payer's (or payee's) as the statement shows them: cash matching identifies the
/// customer by them.
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
    int Line,
    bool IsReversal = false,
    string? CounterpartyAccount = null)
{
    /// <summary>Money a customer paid in: a credit that reverses nothing.</summary>
    public bool IsCredit => Amount > 0 && !IsReversal;

    /// <summary>A customer's payment taken back (a return or a reversal of an earlier credit).</summary>
    public bool ReversesCredit => Amount < 0 && IsReversal;
}
