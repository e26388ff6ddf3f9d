using O2C.Analytics.Render.Csv;
using O2C.Analytics.Generate;

namespace O2C.Analytics.Extract.Bank;

/// <summary>
/// Writes the credits of a statement file as canonical receipts: unidentified (no customer) until cash matching
/// names the payer, with the bank reference, the remittance text and the payer's name and account kept apart (a name
/// read as remittance could pass for a reference). Debits are not receipts.
/// </summary>
public static class BankStager
{
    /// <summary>The canonical receipts file a statement file is staged into: the load ledger's name for it.</summary>
    public static string FileName(string sourceName, string statementFile) =>
        $"receipts-{sourceName}-{Path.GetFileNameWithoutExtension(statementFile)}.csv";

    /// <summary>A bank amount as staged: rounded to its currency's minor units (ISO 4217: KWD 3, JPY 0, most 2).</summary>
    public static decimal StagedAmount(decimal amount, int minorUnits) => Math.Round(amount, minorUnits, MidpointRounding.ToEven);

    /// <param name="minorUnits">Decimals each currency uses: amounts are staged rounded to them (<see cref="StagedAmount"/>).</param>
    public static string Stage(BankStatementFile file, string sourceName, string stagingFolder, Func<string, int> minorUnits)
    {
        var path = Path.Combine(stagingFolder, FileName(sourceName, file.FileName));
        using var csv = new CsvWriter(path, gzip: false, "receipt_id", "customer_id", "value_date", "posted_date", "amount",
            "currency_code", "payment_method", "bank_reference", "remittance_text", "payer_name", "payer_account");
        foreach (var group in file.Credits.GroupBy(c => c.Line))
        {
            var n = 0;
            foreach (var credit in group)
            {
                // Stable across re-reads of the same file: file and line (and position within a batched entry).
                var id = $"{sourceName}:{file.FileName}#{credit.Line}" + (group.Count() > 1 ? $".{++n}" : "");
                var posted = credit.BookingDate is { } booked && booked >= credit.ValueDate ? booked : credit.ValueDate;
                csv.Text(id).Text(null).Date(credit.ValueDate).Date(posted).Money(StagedAmount(credit.Amount, minorUnits(credit.Currency)))
                    .Text(credit.Currency).Text(BankStatementReader.PaymentMethod(file.Format, credit.TypeCode, credit.Currency))
                    .Text(credit.BankReference ?? credit.CustomerReference)
                    .Text(string.Join(" ", new[] { credit.CustomerReference, credit.RemittanceText }.Where(s => !string.IsNullOrEmpty(s))))
                    .Text(credit.CounterpartyName).Text(credit.CounterpartyAccount)
                    .End();
            }
        }
        return path;
    }
}
