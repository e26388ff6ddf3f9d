namespace O2C.Analytics.Generate;

/// <summary>Draws customer master data and payment traits from segment, region and behaviour mixes.</summary>
public static class CustomerFactory
{
    /// <summary>A customer whose name is a spreadsheet formula: the packs must show it as text.</summary>
    public const string FormulaInjectionName = "=HYPERLINK(\"http://x\",\"y\")";

    private static readonly (string Region, string Country, string Currency, double Weight)[] Markets =
    [
        ("North America", "US", "USD", 0.42), ("North America", "CA", "CAD", 0.08),
        ("EMEA", "DE", "EUR", 0.14), ("EMEA", "FR", "EUR", 0.07), ("EMEA", "GB", "GBP", 0.10),
        ("APAC", "JP", "JPY", 0.06), ("APAC", "AU", "AUD", 0.06), ("APAC", "SG", "USD", 0.03),
        ("LATAM", "MX", "USD", 0.04),
    ];

    private static readonly (string Team, string[] Collectors)[] Teams =
    [
        ("In-house Chicago", ["Alice Moreno", "Ben Carter", "Chloe Nguyen"]),
        ("BPO Manila", ["Dan Reyes", "Ella Santos", "Franco Cruz", "Gina Bautista"]),
        ("BPO Krakow", ["Hanna Nowak", "Igor Wisniewski", "Julia Kowalska"]),
        ("In-house Dublin", ["Kevin Byrne", "Laura Walsh"]),
    ];

    private static readonly string[] NameFirst =
    [
        "Northwind", "Bluewater", "Summit", "Redwood", "Ironbridge", "Silverline", "Oakridge", "Harbor", "Cedar", "Granite",
        "Pinnacle", "Meridian", "Atlas", "Horizon", "Keystone", "Lakeside", "Evergreen", "Falcon", "Sterling", "Crescent",
    ];

    private static readonly string[] NameSecond =
    [
        "Logistics", "Foods", "Manufacturing", "Retail", "Health", "Energy", "Systems", "Pharma", "Textiles", "Motors",
        "Chemicals", "Electronics", "Packaging", "Builders", "Supplies", "Media", "Farms", "Marine", "Labs", "Outfitters",
    ];

    public static CustomerProfile Create(int index, SampleRandom rng, SampleStory story)
    {
        var id = $"C{index:000000}";
        var market = rng.Weighted(Markets.Select(m => (m, m.Weight)).ToList());
        var segment = rng.Weighted<string>([("Enterprise", 0.15), ("Mid-market", 0.35), ("SMB", 0.50)]);
        // Calibrated so the company pays like a CRF median one (DSO about 40, ADD about 5, on time 60-70 % by value).
        var behaviour = rng.Weighted<PaymentBehaviour>([
            (PaymentBehaviour.Prompt, 0.32), (PaymentBehaviour.Typical, 0.48), (PaymentBehaviour.ChronicLate, 0.08),
            (PaymentBehaviour.Seasonal, 0.12)]);
        var risk = behaviour switch
        {
            PaymentBehaviour.Prompt => rng.Weighted<string>([("A", 0.6), ("B", 0.4)]),
            PaymentBehaviour.ChronicLate => rng.Weighted<string>([("C", 0.5), ("D", 0.5)]),
            _ => rng.Weighted<string>([("A", 0.2), ("B", 0.5), ("C", 0.3)]),
        };
        var terms = segment switch
        {
            "Enterprise" => rng.Weighted<int>([(30, 0.6), (45, 0.3), (60, 0.1)]),
            "Mid-market" => rng.Weighted<int>([(30, 0.75), (45, 0.25)]),
            _ => rng.Weighted<int>([(15, 0.25), (30, 0.75)]),
        };
        var perMonth = segment switch
        {
            "Enterprise" => rng.LogNormal(3.0, 0.5),
            "Mid-market" => rng.LogNormal(1.5, 0.5),
            _ => rng.LogNormal(0.7, 0.5),
        };
        var usdMedian = segment switch
        {
            "Enterprise" => rng.LogNormal(12_000, 0.6),
            "Mid-market" => rng.LogNormal(4_000, 0.6),
            _ => rng.LogNormal(900, 0.6),
        };
        var median = usdMedian / UsdPer(market.Currency);
        var team = Teams[market.Region switch { "North America" => rng.Chance(0.6) ? 0 : 1, "EMEA" => rng.Chance(0.5) ? 3 : 2, _ => 1 }];
        var name = index == 42 ? FormulaInjectionName : Name(index, market.Country);
        var monthlyBilling = (decimal)(perMonth * median);
        // Limits cover terms plus a month or two of billing, and at least a few typical invoices (an account billed
        // once a month must not breach on one larger invoice); riskier accounts get tighter limits, and a few of
        // them run over (credit-limit breaches).
        var cover = Math.Max(monthlyBilling * (terms / 30m + 1.5m), (decimal)median * 5m);
        var headroom = risk is "C" or "D" ? rng.LogNormal(1.3, 0.3) : rng.LogNormal(1.9, 0.3);
        var creditLimit = Math.Round(cover * (decimal)headroom / 1000m, 0) * 1000m;
        return new CustomerProfile(
            id, name, segment, market.Region, market.Country, market.Currency, terms, Math.Max(creditLimit, 1000m), risk,
            rng.Pick(team.Collectors), team.Team, rng.Chance(segment == "SMB" ? 0.5 : 0.7), behaviour, perMonth, median,
            DisputeRate: rng.LogNormal(0.02, 0.5), BatchPayer: rng.Chance(segment == "Enterprise" ? 0.6 : 0.2),
            NeverPaysSome: risk == "D", Deteriorates: segment == story.DeterioratingSegment);
    }

    private static readonly string[] NameQualifier = ["", "Group", "Holdings", "Partners", "International", "Industries", "Trading", "Solutions"];

    /// <summary>A company name, distinct for the first 3,200 customers, without the account number in it.</summary>
    private static string Name(int index, string country)
    {
        var n = index - 1;
        var qualifier = NameQualifier[n / (NameFirst.Length * NameSecond.Length) % NameQualifier.Length];
        return $"{NameFirst[n % NameFirst.Length]} {NameSecond[n / NameFirst.Length % NameSecond.Length]}{(qualifier.Length > 0 ? " " + qualifier : "")} {Suffix(country)}";
    }

    /// <summary>Approximate value of one unit of the currency in USD, where the generated rates start.</summary>
    public static double UsdPer(string currency) => currency switch
    {
        "EUR" => 1.08,
        "GBP" => 1.26,
        "CAD" => 0.74,
        "JPY" => 0.0068,
        "AUD" => 0.66,
        _ => 1.0,
    };

    private static string Suffix(string country) => country switch
    {
        "DE" => "GmbH",
        "FR" => "SA",
        "GB" => "Ltd",
        "JP" => "KK",
        "AU" => "Pty Ltd",
        "MX" => "SA de CV",
        _ => "Inc",
    };
}
