using O2C.Analytics.Extract.Bank;
using O2C.Analytics.Extract.Bank.Mt940;
using O2C.Analytics.Tests.Support;

namespace O2C.Analytics.Tests.Extract;

/// <summary>
/// The MT940 samples of ../shared/bankfiles/mt940 (wolph/mt940 test data, many banks' dialects). Expected counts
/// and sums were read off the files (:61: lines whose mark is C or RD are credits, unless they are returns: type RTI or
/// GVC 109/159).
/// </summary>
public class Mt940ReaderTests
{
    private static BankStatementFile Read(string name) => Mt940Reader.Read(Path.Combine(RepoPaths.Shared!, "bankfiles", "mt940", name));

    [SharedDataFact]
    public void Credits_and_statements_of_every_bank_sample()
    {
        (string File, int Statements, int Lines, int Credits, decimal CreditSum)[] expected =
        [
            // 41 credits on the statement lines, of which 17 are returned transfers (GVC 159 RETOURE: 3,149,794.74)
            ("betterplace-sepa_mt9401.sta", 26, 97, 24, 2038680.20m),
            ("betterplace-sepa_snippet.sta", 2, 11, 5, 500098.84m), // 8, of which 3 returns (930,646.88)
            ("cmxl-mt940.sta", 3, 16, 7, 72436.74m),
            ("jejik-abnamro.sta", 2, 10, 0, 0m),
            ("jejik-ing.sta", 1, 7, 2, 4.68m),
            ("jejik-knab.sta", 2, 3, 2, 1000m),
            ("jejik-postfinance.sta", 2, 4, 3, 239.30m),
            ("jejik-rabobank-iban.sta", 2, 4, 0, 0m),
            ("jejik-rabobank.sta", 4, 5, 0, 0m),
            ("jejik-sns.sta", 2, 2, 0, 0m),
            ("jejik-triodos.sta", 1, 2, 0, 0m),
            ("mBank-mt940.sta", 1, 3, 3, 0.03m),
            ("sberbank-171011_01234945.sta", 1, 3, 0, 0m),
        ];
        foreach (var (name, statements, lines, credits, sum) in expected)
        {
            var file = Read(name);
            Assert.True((statements, lines, credits, sum) ==
                (file.Statements.Count, file.Statements.Sum(s => s.Transactions.Count), file.Credits.Count(), file.Credits.Sum(c => c.Amount)),
                $"{name}: got {file.Statements.Count} statements, {file.Statements.Sum(s => s.Transactions.Count)} lines, {file.Credits.Count()} credits, {file.Credits.Sum(c => c.Amount)}");
        }
    }

    [SharedDataFact]
    public void Ing_lines_dates_and_multi_line_information()
    {
        var file = Read("jejik-ing.sta");
        Assert.Equal([3.68m, 1.00m], file.Credits.Select(c => c.Amount));
        Assert.Equal([new DateOnly(2010, 7, 22), new DateOnly(2010, 7, 23)], file.Credits.Select(c => c.ValueDate));
        // :86: over three lines, joined.
        Assert.Equal("0111111111 Hr S Marechal ROSMALEN Hr S Marechal ROSMALEN Betaling transactiedatum: 22-07-2010", file.Credits.Last().RemittanceText);
        Assert.All(file.Credits, c => Assert.Equal(("EUR", "0001234567"), (c.Currency, c.AccountNumber)));
    }

    [SharedDataFact]
    public void Structured_german_information_gives_purpose_and_payer()
    {
        var first = Read("betterplace-sepa_snippet.sta").Credits.First();
        Assert.Equal((50990.05m, new DateOnly(2007, 9, 7), new DateOnly(2007, 9, 4)), (first.Amount, first.ValueDate, first.BookingDate!.Value));
        Assert.Equal("KARL        KAUFMANN", first.CounterpartyName);
        Assert.StartsWith("EREF+EndToEndId TFNR 22 004 00001SVWZ+Verw CTSc-01 BC-PPP TF", first.RemittanceText);
        Assert.Equal("0724710333343453", first.BankReference);
        // ?31: the payer's account, for payer identification (issue 24).
        Assert.Equal("DE14508800500194785000", first.CounterpartyAccount);
    }

    [SharedDataFact]
    public void Consistent_statements_balance_and_inconsistent_ones_are_reported()
    {
        Assert.Empty(Read("cmxl-mt940.sta").Problems);
        Assert.Empty(Read("sberbank-171011_01234945.sta").Problems); // 627,311.30 - 2,402 - 3,460 - 3,575 = 617,874.30
        // ING: opening 0.00, lines -25.03 - 3.03 - 1.11 - 20.00 - 1.10 + 3.68 + 1.00 = -45.59; the file closes at 3.47.
        var ing = Assert.Single(Read("jejik-ing.sta").Problems);
        Assert.Equal((26, 3.47m, -45.59m), (ing.Line, ing.Expected, ing.Actual));
    }

    [SharedDataFact]
    public void The_projects_own_invalid_samples_are_refused()
    {
        Assert.Equal("self-provided-invalid_statement.sta: line 1: no MT940 statement (a :20: field) in the file",
            Assert.Throws<BankFormatException>(() => Read("self-provided-invalid_statement.sta")).Message);
        // 30 February 2016 does not exist: refused, not moved to 1 March.
        Assert.Equal("self-provided-february_30.sta: line 6: '160230' is not a calendar date (YYMMDD)",
            Assert.Throws<BankFormatException>(() => Read("self-provided-february_30.sta")).Message);
    }

    [SharedDataFact]
    public void One_altered_amount_fails_the_balance_check()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Shared!, "bankfiles", "mt940", "sberbank-171011_01234945.sta"));
        var index = Array.FindIndex(lines, l => l.StartsWith(":61:1710111011DF2402,00", StringComparison.Ordinal));
        lines[index] = lines[index].Replace("2402,00", "2403,00");
        var problem = Assert.Single(Mt940Reader.Parse("altered.sta", lines).Problems);
        Assert.Equal((617874.30m, 617873.30m), (problem.Expected, problem.Actual));
    }
}

/// <summary>
/// Issue 24: returns on a German statement. A refund of ours bounced back (GVC 159, Rueckueberweisung) and a direct
/// debit of ours returned unpaid (GVC 109, Ruecklastschrift, type NRTI) undo earlier entries: neither is a customer's
/// payment, and the returned debit takes back the receipt it collected.
/// </summary>
public class Mt940ReturnTests
{
    private static readonly string[] Statement =
    [
        ":20:STARTUMSE", ":25:50010517/5407324931", ":28C:00012/001", ":60F:C261001EUR10000,00",
        ":61:2610051005C1250,00NTRFNONREF//0510012345",
        ":86:166?00GUTSCHRIFT?20SVWZ+RG2178?31DE44500105175407324931?32NORDWIND HANDELS GMBH",
        ":61:2610051005C340,00NTRFNONREF//0510012346",
        ":86:159?00RUECKUEBERWEISUNG?20SVWZ+Erstattung GS-0004411?21AC04 Konto aufgeloest?32BRIGHTLINE FOODS LTD",
        ":61:2610061006D980,00NRTINONREF//0610012347",
        ":86:109?00RUECKLASTSCHRIFT?20SVWZ+Lastschrift INV-0000701?21MS03?32NORDLICHT TRADING",
        ":62F:C261006EUR10610,00", "-",
    ];

    [Fact]
    public void A_bounced_refund_and_a_returned_direct_debit_are_no_payments()
    {
        var file = O2C.Analytics.Extract.Bank.Mt940.Mt940Reader.Parse("returns.sta", Statement);
        Assert.Empty(file.Problems); // 10,000 + 1,250 + 340 - 980 = 10,610
        var credit = Assert.Single(file.Credits);
        Assert.Equal((1250.00m, "NORDWIND HANDELS GMBH"), (credit.Amount, credit.CounterpartyName));
        var lines = file.Statements.Single().Transactions;
        Assert.Equal((340.00m, true, false), (lines[1].Amount, lines[1].IsReversal, lines[1].IsCredit));
        Assert.Equal((-980.00m, true), (lines[2].Amount, lines[2].ReversesCredit));
    }
}

/// <summary>Findings of the fuzz runs (docs/reliability.md), kept as regression tests.</summary>
public class Mt940FuzzFindingTests
{
    [Fact]
    public void A_statement_reference_continued_on_a_second_line_still_gives_a_one_line_refusal()
    {
        // Found by BankParserFuzzTests.Mt940: a line break inserted after :20:'s value made the reference two lines,
        // and the "has no account" message carried the line break.
        string[] lines = [":20:STARTUMSE", "CONTINUED", ":60F:C150101EUR100,00", "-"];
        var error = Assert.Throws<O2C.Analytics.Extract.Bank.BankFormatException>(() => O2C.Analytics.Extract.Bank.Mt940.Mt940Reader.Parse("found.sta", lines));
        Assert.Equal("found.sta: line 1: statement STARTUMSE CONTINUED has no account (:25:)", error.Message);
    }
}
