namespace O2C.Analytics.Generate;

/// <summary>Running document numbers for one generator run (one sequence per kind of record).</summary>
public sealed class DocumentNumbers
{
    private long _invoice, _creditMemo, _receipt, _application, _dispute, _deduction, _promise, _activity, _writeOff;

    public string Invoice() => $"INV-{++_invoice:0000000}";
    public string CreditMemo() => $"CM-{++_creditMemo:0000000}";
    public string Receipt() => $"RCP-{++_receipt:0000000}";
    public string Application() => $"APP-{++_application:00000000}";
    public string Dispute() => $"DSP-{++_dispute:000000}";
    public string Deduction() => $"DED-{++_deduction:000000}";
    public string Promise() => $"PTP-{++_promise:000000}";
    public string Activity() => $"ACT-{++_activity:00000000}";
    public string WriteOff() => $"WO-{++_writeOff:000000}";
}
