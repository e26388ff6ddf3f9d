using O2C.Analytics.CashApplication;

namespace O2C.Analytics.Tests.CashApplication;

/// <summary>
/// Issue 24: what a remittance line names as document numbers. Amounts, percentages and dates written in the text are
/// not numbers of documents (the matcher once sent "2% Skonto 25,00" to the queue reading 25 and 00 as invoices).
/// </summary>
public sealed class RemittanceReferencesTests
{
    [Theory]
    [InlineData("RE 2178 ABZGL. 2% SKONTO 25,00 EUR", "2178")]
    [InlineData("INV-0000123 418.60 INV-0001234 500.00", "123 1234")]
    [InlineData("Zahlung 1.250,00 Rechnung 2178 vom 02.09.2026", "2178")]
    [InlineData("BANK CHARGES 15.00 DEDUCTED INV 123", "123")]
    [InlineData("Payment for invoices 3412, 3413 and 3415 total USD 12,480.50", "3412 3413 3415")]
    [InlineData("INV-0O0I2B4 paid 2026-10-05", "1284")]
    [InlineData("Order 4500012345 / Inv. No. 000777", "4500012345 777")]
    public void Only_document_numbers_are_read_as_references(string remittance, string numbers)
    {
        Assert.Equal(numbers, string.Join(" ", RemittanceReferences.Find(remittance).Select(t => t.Number)));
    }

    [Fact]
    public void A_number_one_slip_away_covers_the_typos_payers_make()
    {
        var variants = RemittanceReferences.OneSlipAway("1324").ToHashSet();
        // 1234 (two neighbours swapped), 134 and 124 (a digit left out), 13244 (a digit doubled), 1334 (one changed)
        Assert.Superset(new HashSet<string> { "1234", "134", "124", "13244", "1334" }, variants);
        Assert.DoesNotContain("1324", variants);
        Assert.DoesNotContain("4321", variants); // two slips
        // leading zeros trimmed: 10023 without its 1 is 23, not 0023; a single digit is too common to be a reading
        Assert.Contains("23", RemittanceReferences.OneSlipAway("10023"));
        Assert.DoesNotContain("3", RemittanceReferences.OneSlipAway("103"));
    }
}
