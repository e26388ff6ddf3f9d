namespace O2C.Analytics.Generate;

/// <summary>What <c>o2c generate</c> makes: how many customers over how many months from which first month.</summary>
/// <param name="Pilot">Whether the history carries the sample's collection-strategy pilot (SamplePilot), when it is long enough.</param>
/// <param name="OpeningMonths">
/// Months of trading before the first month whose invoices still open at its start are written as the opening
/// open-items file (documents-opening.csv): the company's balance when it starts using the product. 0 = none.
/// </param>
public sealed record GeneratorOptions(
    int Customers,
    int Months,
    int Seed,
    string OutputFolder,
    DateOnly FirstMonth,
    bool Gzip = false,
    int? DeteriorationStart = null,
    int OpeningMonths = 12,
    bool Pilot = true,
    bool BankFeed = true)
{
    /// <summary>
    /// The first day payments come as bank statements for cash matching (SampleBankFeed): the history's last three
    /// weekdays, when it has at least two months; none otherwise. Three days, not the month: nobody works the
    /// exception queue in a generated history, and a month of it left open would inflate the month-end AR (CEI fell 10
    /// points when the whole of October came by the bank); three days left open is what any month end has.
    /// </summary>
    public DateOnly? BankFeedStart
    {
        get
        {
            if (!BankFeed || Months < 2) return null;
            var day = CutOff;
            for (var weekdays = 0; ; day = day.AddDays(-1))
                if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && ++weekdays == 3) return day;
        }
    }

    /// <summary>The default history ends with October 2026, the last month closed when the project began.</summary>
    public static readonly DateOnly DefaultFirstMonth = new(2023, 11, 1);

    public DateOnly CutOff => FirstMonth.AddMonths(Months).AddDays(-1);

    /// <summary>The day the opening open items were open on: the day before the first month.</summary>
    public DateOnly OpeningBalanceDate => FirstMonth.AddDays(-1);

    /// <summary>Deteriorating customers start paying later from this month on (0-based month index); default 9 months before the end.</summary>
    public int DeteriorationStartMonth => DeteriorationStart ?? Math.Max(1, Months - 9);

    /// <summary>The story the sample tells (data-samples/README.md), placed from the deterioration month.</summary>
    public SampleStory Story => SampleStory.For(this);
}
