using System.Globalization;
using System.Numerics;

namespace O2C.Analytics.Generate.Remittance;

/// <summary>A customer of the remittance study: its name, currency, terms and the account it usually pays from.</summary>
internal sealed record StudyCustomer(
    string Id, string Name, string BaseName, string Currency, int TermsDays, decimal? DiscountPct, int? DiscountDays,
    string Account, bool AccountListed)
{
    /// <summary>Whether the base name is this customer's alone (two "Mueller Logistik" make the name say nothing).</summary>
    public bool NameUnique { get; set; } = true;
}

/// <summary>An invoice of the study; PaidBy is the statement entry that pays it (its bank reference), once planned.</summary>
internal sealed class StudyInvoice(string id, int number, StudyCustomer customer, DateOnly issued, decimal amount)
{
    public string Id { get; } = id;
    public int Number { get; } = number;
    public StudyCustomer Customer { get; } = customer;
    public DateOnly Issued { get; } = issued;
    public DateOnly Due => Issued.AddDays(Customer.TermsDays);
    public decimal Amount { get; } = amount;
    public string? PaidBy { get; set; }
}

/// <summary>
/// The study's master data: customers in six currencies with realistic names (legal forms, umlauts, names shared by two
/// customers), the accounts they pay from (listed in customer_payers for about two in three), discount terms for some,
/// and invoices numbered in one sequence across customers, so a slipped digit often lands on another customer's.
/// </summary>
internal sealed class StudyLedger
{
    public static readonly string[] Currencies = ["USD", "EUR", "GBP", "CAD", "JPY", "AUD"];

    private static readonly string[] FirstWords =
    [
        "Nordwind", "Brightline", "Harbor", "Kestrel", "Sakura", "Maple", "Müller", "Schäfer", "Köhler", "Bäcker", "Größner", "Jürgens",
        "Atlas", "Beacon", "Cedar", "Delta", "Evergreen", "Falcon", "Granite", "Horizon", "Ironwood", "Juniper", "Keystone", "Lakeside",
        "Meridian", "Northgate", "Oakridge", "Pinnacle", "Quarry", "Redwood", "Summit", "Tidewater", "Upland", "Vanguard", "Westfield",
        "Yarrow", "Zenith", "Alpen", "Rhein", "Elbe", "Hanse", "Bavaria", "Fuji", "Hikari", "Kaze", "Midori", "Tasman", "Coral",
        "Outback", "Wattle", "Thames", "Pennine", "Cotswold", "Highland", "Laurentian", "Prairie", "Fraser", "Cascade", "Sierra",
        "Mesa", "Bayou", "Liberty", "Pioneer", "Frontier", "Heritage", "Crescent", "Silverline", "Bluewater", "Greenfield", "Stonebridge",
    ];

    private static readonly string[] Trades =
    [
        "Handels", "Foods", "Supply", "Logistics", "Trading", "Industries", "Maschinenbau", "Metallwerke", "Components", "Distribution",
        "Retail", "Pharma", "Textiles", "Electronics", "Packaging", "Building Products", "Office Solutions", "Hospitality", "Medical",
        "Auto Parts", "Chemicals", "Paper", "Beverages", "Outdoor", "Tools",
    ];

    private static readonly string[] Qualifiers =
        ["North", "South", "East", "West", "International", "Group", "Holdings", "Partners", "Direct", "Wholesale", "Services", "Systems",
         "Solutions", "Europe", "America", "Pacific", "Nord", "Sued", "Central", "Global"];

    private static readonly Dictionary<string, string[]> LegalForms = new()
    {
        ["USD"] = ["Inc.", "LLC", "Corp.", "Inc"], ["EUR"] = ["GmbH", "AG", "GmbH & Co. KG", "KG"], ["GBP"] = ["Ltd", "PLC", "Limited"],
        ["CAD"] = ["Inc.", "Ltd.", "Corp."], ["JPY"] = ["K.K.", "Co., Ltd."], ["AUD"] = ["Pty Ltd", "Pty. Ltd."],
    };

    public List<StudyCustomer> Customers { get; } = [];
    public List<StudyInvoice> Invoices { get; } = [];

    public StudyLedger(int customers, SampleRandom rng, DateOnly firstIssue, DateOnly lastIssue)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 1; i <= customers; i++)
        {
            var currency = rng.Weighted<string>([("USD", 0.30), ("EUR", 0.28), ("GBP", 0.12), ("CAD", 0.08), ("JPY", 0.10), ("AUD", 0.12)]);
            string baseName;
            // About one customer in 60 shares its name with another (a group's subsidiaries, a common surname).
            if (Customers.Count > 10 && rng.Chance(1.0 / 60))
                baseName = rng.Pick(Customers.Where(c => c.Currency == currency).Select(c => c.BaseName).DefaultIfEmpty(Customers[0].BaseName).ToList());
            else
            {
                // Two words while they last (70 x 25), then a third: a larger study still has distinct names.
                var tries = 0;
                do baseName = $"{rng.Pick(FirstWords)} {rng.Pick(Trades)}" + (++tries > 20 ? $" {rng.Pick(Qualifiers)}" : "");
                while (!names.Add(baseName) && tries < 1000);
            }
            var name = $"{baseName} {rng.Pick(LegalForms[currency])}";
            var discount = currency is "EUR" or "USD" && rng.Chance(0.35) ? rng.Weighted<(decimal, int)>([((2m, 10), 0.7), ((3m, 14), 0.15), ((1m, 10), 0.15)]) : ((decimal, int)?)null;
            Customers.Add(new StudyCustomer($"C{i:00000}", name, baseName, currency, rng.Weighted<int>([(30, 0.6), (45, 0.2), (60, 0.2)]),
                discount?.Item1, discount?.Item2, Account(currency, rng), rng.Chance(0.65)));
        }
        foreach (var group in Customers.GroupBy(c => c.BaseName.ToUpperInvariant()))
            foreach (var c in group) c.NameUnique = group.Count() == 1;
        // Invoices in date order, one number sequence across customers.
        var planned = new List<(DateOnly Issued, StudyCustomer Customer, decimal Amount)>();
        var days = lastIssue.DayNumber - firstIssue.DayNumber;
        foreach (var c in Customers)
        {
            var count = 4 + rng.Poisson(8);
            for (var k = 0; k < count; k++)
                planned.Add((firstIssue.AddDays(rng.Between(0, days)), c, InvoiceAmount(c.Currency, rng)));
        }
        var number = 1000;
        foreach (var (issued, customer, amount) in planned.OrderBy(p => p.Issued).ThenBy(p => p.Customer.Id, StringComparer.Ordinal))
        {
            number += 1;
            Invoices.Add(new StudyInvoice($"INV-{number:0000000}", number, customer, issued, amount));
        }
    }

    /// <summary>Lognormal around a typical invoice; one in eight a round amount (a retainer, a fixed fee): repeats within a customer.</summary>
    private static decimal InvoiceAmount(string currency, SampleRandom rng)
    {
        var factor = currency switch { "JPY" => 150m, "GBP" => 0.8m, "EUR" => 0.92m, "CAD" => 1.35m, "AUD" => 1.5m, _ => 1m };
        var usd = rng.Chance(0.125) ? (decimal)rng.Pick(new[] { 500, 1000, 1500, 2000, 2500, 5000 }) : (decimal)rng.LogNormal(2400, 0.9);
        return Math.Round(Math.Max(50m, usd * factor), currency == "JPY" ? 0 : 2);
    }

    /// <summary>An account as the payer's bank writes it: an IBAN with valid check digits, or a local account number.</summary>
    private static string Account(string currency, SampleRandom rng)
    {
        string Digits(int n) => string.Concat(Enumerable.Range(0, n).Select(_ => (char)('0' + rng.Between(0, 9))));
        return currency switch
        {
            "EUR" => Iban("DE", Digits(8) + Digits(10)),
            "GBP" => Iban("GB", rng.Pick(new[] { "NWBK", "BARC", "LOYD", "HBUK" }) + Digits(6) + Digits(8)),
            "USD" => "1" + Digits(9),                           // an ACH originator's company id
            "CAD" => $"{Digits(5)}-{Digits(3)}-{Digits(7)}",    // transit-institution-account
            "AUD" => $"{Digits(3)}-{Digits(3)} {Digits(8)}",    // BSB and account
            _ => $"{Digits(4)}-{Digits(3)}-{Digits(7)}",         // bank-branch-account
        };
    }

    /// <summary>An IBAN with valid check digits (ISO 13616: the BBAN, country and 00 as digits, 98 less their remainder by 97).</summary>
    internal static string Iban(string country, string bban)
    {
        var numeric = string.Concat((bban + country + "00").Select(c => char.IsAsciiDigit(c) ? c.ToString() : (c - 'A' + 10).ToString(CultureInfo.InvariantCulture)));
        var check = 98 - (int)(BigInteger.Parse(numeric, CultureInfo.InvariantCulture) % 97);
        return $"{country}{check:00}{bban}";
    }
}
