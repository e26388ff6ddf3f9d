using System.Globalization;
using System.Numerics;

namespace O2C.Analytics.Generate.Remittance;

/// <summary>
/// How payers write what they pay: invoice numbers with and without prefixes, typos, lists, amounts in their own
/// number format, and their names as their bank abbreviates them. Each method draws one way from the seeded stream.
/// </summary>
internal sealed class PayerWriting(SampleRandom rng)
{
    public static bool German(string currency) => currency == "EUR";

    /// <summary>An amount as a payer types it: 1.250,00 in German, 1,250.00 in English, whole yen.</summary>
    public static string Amount(decimal amount, string currency) => currency == "JPY"
        ? amount.ToString("#,##0", CultureInfo.InvariantCulture)
        : German(currency)
            ? string.Concat(amount.ToString("#,##0.00", CultureInfo.InvariantCulture).Select(c => c switch { ',' => '.', '.' => ',', _ => c }))
            : amount.ToString("#,##0.00", CultureInfo.InvariantCulture);

    public static string Plain(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>The full invoice id, as printed on the invoice.</summary>
    public string FullId(StudyInvoice invoice) => rng.Chance(0.15) ? invoice.Id.Replace("-", "", StringComparison.Ordinal) : invoice.Id;

    /// <summary>A number with its prefix stripped, shortened or glued, zeros dropped.</summary>
    public string PrefixVariant(StudyInvoice invoice, string currency)
    {
        var n = invoice.Number.ToString(CultureInfo.InvariantCulture);
        string[] english = [$"INV {invoice.Number:0000000}", $"INV-{n}", $"INV{invoice.Number:0000000}", $"#{n}", $"Invoice No. {n}", $"inv {n}", $"INV.{n}", $"Inv#{n}"];
        string[] german = [$"RG{n}", $"RE {n}", $"Rechnung {n}", $"Rechnungsnr. {n}", $"INV {invoice.Number:0000000}", $"Re-Nr. {n}", $"RG-{n}", $"INV-{n}"];
        return rng.Pick(German(currency) ? german : english);
    }

    /// <summary>The number mistyped: two digits swapped, a digit left out or doubled, a prefix misspelt, a letter for a digit.</summary>
    public string Typo(StudyInvoice invoice)
    {
        var digits = invoice.Number.ToString(CultureInfo.InvariantCulture);
        var padded = invoice.Number.ToString("0000000", CultureInfo.InvariantCulture);
        var ways = new List<Func<string?>>
        {
            () => Swap(digits) is { } s ? $"INV-{s.PadLeft(7, '0')}" : null,
            () => $"INV-{padded[..^digits.Length]}{digits.Remove(rng.Between(0, digits.Length - 1), 1)}",      // a digit left out
            () => { var i = rng.Between(0, digits.Length - 1); return $"INV-{padded[..^digits.Length]}{digits.Insert(i, digits[i].ToString())}"; }, // doubled
            () => $"IVN-{padded}",
            () => $"lNV-{padded}",
            () => Letter(padded, digits.Length, '5', 'S'),
            () => Letter(padded, digits.Length, '8', 'B'),
            () => Letter(padded, digits.Length, '0', 'O'),
            () => Letter(padded, digits.Length, '1', 'I'),
        };
        while (true)
            if (rng.Pick(ways)() is { } written) return written;
    }

    private string? Swap(string digits)
    {
        var places = Enumerable.Range(0, digits.Length - 1).Where(i => digits[i] != digits[i + 1]).ToList();
        if (places.Count == 0) return null;
        var i = rng.Pick(places);
        return digits[..i] + digits[i + 1] + digits[i] + digits[(i + 2)..];
    }

    private static string? Letter(string padded, int significant, char digit, char letter)
    {
        var start = padded.Length - significant;
        var i = padded.IndexOf(digit, digit == '0' ? 0 : start);
        return i < 0 ? null : $"INV-{padded[..i]}{letter}{padded[(i + 1)..]}";
    }

    /// <summary>Several ids in the separator style of the payer: commas, slashes, spaces, semicolons, a plus, or one prefix for all.</summary>
    public string List(IReadOnlyList<StudyInvoice> invoices)
    {
        if (rng.Chance(0.2)) return "INV " + string.Join(rng.Pick(new[] { "/", ", ", " " }), invoices.Select(i => i.Number.ToString(CultureInfo.InvariantCulture)));
        return string.Join(rng.Pick(new[] { ", ", " ", "/", ";", " + ", " and ", " u. " }), invoices.Select(i => i.Id));
    }

    /// <summary>Free text around references in the payer's language, sometimes with its own order or customer number.</summary>
    public string Sentence(string references, string currency, DateOnly valueDate)
    {
        string[] english = ["PAYMENT {0}", "INVOICE {0}", "{0} THANK YOU", "Payment for invoice {0}", "REMITTANCE {0}", "PMT {0}", "{0}", "Settlement of {0}"];
        string[] german = ["Rechnung {0}", "Zahlung {0}", "RE {0} vom {1}", "{0}", "Ausgleich {0}", "Begleichung {0} Vielen Dank"];
        var text = string.Format(CultureInfo.InvariantCulture, rng.Pick(German(currency) ? german : english), references,
            valueDate.AddDays(-rng.Between(20, 50)).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture));
        return text + Noise(currency);
    }

    /// <summary>What else payers put in the text: their customer number with us, their payment order number, a date.</summary>
    public string Noise(string currency) => rng.Weighted<string>(
    [
        ("", 0.86),
        (German(currency) ? $" Kd-Nr. {rng.Between(10000, 99999)}" : $" CUST NO {rng.Between(10000, 99999)}", 0.05),
        (German(currency) ? $" Zahlauftrag {rng.Between(100000, 999999)}" : $" PO {rng.Between(4500000, 4599999)}", 0.05),
        (German(currency) ? $" ZV {rng.Between(1000, 9999)}" : $" BATCH {rng.Between(1000, 9999)}", 0.04), // a short number that may pass for an invoice's
    ]);

    public string NoReferenceText(string currency) => rng.Pick(German(currency)
        ? new[] { "", "ZAHLUNG", "Zahlung Oktober", "Sammelzahlung", "Überweisung", "ZAHLLAUF" }
        : new[] { "", "PAYMENT", "SETTLEMENT", "ACCOUNTS PAYABLE", "VENDOR PAYMENT", "BATCH PAYMENT" }) + Noise(currency);

    /// <summary>A discount as the payer states it (or does not): the rate, the amount, both, or nothing.</summary>
    public string? DiscountWords(decimal pct, decimal discount, string currency)
    {
        var rate = pct.ToString("0.##", CultureInfo.InvariantCulture);
        var amount = Amount(discount, currency);
        return rng.Weighted<string?>(German(currency)
            ? [($"abzgl. {rate}% Skonto {amount}", 0.35), ($"{rate}% Skonto", 0.25), ($"Skonto {amount}", 0.15), (null, 0.25)]
            : [($"less {rate}% discount", 0.3), ($"LESS DISCOUNT {amount}", 0.2), ($"{rate}% DISC {amount}", 0.2), (null, 0.3)]);
    }

    /// <summary>A deduction with its reason, as the payer words it, and the category a person would file it under.</summary>
    public (string Words, string Category) DeductionWords(decimal deduction, string currency)
    {
        var a = Amount(deduction, currency);
        return rng.Pick(German(currency)
            ? new[] { ($"abzgl. {a} Fehlmenge", "quantity"), ($"Kürzung {a} Preisdifferenz", "pricing"), ($"abzgl. {a} beschädigte Ware", "damaged"),
                      ($"abzgl. {a} Werbekostenzuschuss Aktion", "promotion"), ($"Einbehalt {a}", "other") }
            : new[] { ($"less {a} damaged goods", "damaged"), ($"DEDUCTION {a} PRICE DIFF", "pricing"), ($"short paid {a} missing qty", "quantity"),
                      ($"DED {a} PROMO ALLOWANCE", "promotion"), ($"less {a} freight", "delivery"), ($"short paid {a}", "other") });
    }

    /// <summary>The payer's name as its bank writes it: capitals, legal form kept, dotted or dropped, umlauts spelt out or lost.</summary>
    public string Name(StudyCustomer customer)
    {
        var name = rng.Weighted<string>([(customer.Name, 0.5), (customer.BaseName, 0.3), (DottedForm(customer.Name), 0.2)]);
        if (rng.Chance(0.7)) name = name.ToUpperInvariant();
        if (rng.Chance(0.6)) name = Spelt(name, rng.Chance(0.7));
        return name;
    }

    private static string DottedForm(string name) => name.Replace("GmbH", "G.m.b.H.", StringComparison.Ordinal).Replace("Ltd", "Ltd.", StringComparison.Ordinal)
        .Replace("Inc", "Inc.", StringComparison.Ordinal).Replace("..", ".", StringComparison.Ordinal);

    /// <summary>Umlauts as a bank's character set leaves them: spelt out (Müller -> Mueller) or stripped (Muller).</summary>
    private static string Spelt(string name, bool spelt)
    {
        var upper = name == name.ToUpperInvariant();
        (string From, string Out, string Bare)[] map = [("ä", "ae", "a"), ("ö", "oe", "o"), ("ü", "ue", "u"), ("Ä", "AE", "A"), ("Ö", "OE", "O"), ("Ü", "UE", "U"), ("ß", "ss", "ss")];
        var text = name;
        foreach (var (from, outText, bare) in map) text = text.Replace(from, spelt ? outText : bare, StringComparison.Ordinal);
        return upper ? text.ToUpperInvariant() : text;
    }

    /// <summary>An ISO 11649 creditor reference for an invoice: RF, two check digits, the invoice id without its dash.</summary>
    public static string CreditorReference(StudyInvoice invoice)
    {
        var body = invoice.Id.Replace("-", "", StringComparison.Ordinal);
        var numeric = string.Concat((body + "RF00").Select(c => char.IsAsciiDigit(c) ? c.ToString() : (c - 'A' + 10).ToString(CultureInfo.InvariantCulture)));
        var check = 98 - (int)(BigInteger.Parse(numeric, CultureInfo.InvariantCulture) % 97);
        return $"RF{check:00}{body}";
    }
}
