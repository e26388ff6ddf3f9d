namespace O2C.Analytics.CashApplication;

/// <summary>An invoice or debit memo with an amount still open, as cash matching sees it (Open falls as it applies);
/// Issued is its document date, from which an early-payment discount's days run.</summary>
internal sealed class OpenDocument(string id, string customer, string currency, DateOnly? due, decimal open, DateOnly issued)
{
    public DateOnly Issued { get; } = issued;
    public string Id { get; } = id;
    public string Customer { get; } = customer;
    public string Currency { get; } = currency;
    public DateOnly? Due { get; } = due;
    public decimal Open { get; set; } = open;
}
