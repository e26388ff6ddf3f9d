using O2C.Analytics.Extract.Bank;
using O2C.Analytics.Extract.Bank.Bai2;
using O2C.Analytics.Tests.Support;

namespace O2C.Analytics.Tests.Extract;

/// <summary>The BAI2 samples of ../shared/bankfiles/bai2 (moov-io/bai2 test data); expected figures read off the files.</summary>
public class Bai2ReaderTests
{
    private static string Sample(string name) => Path.Combine(RepoPaths.Shared!, "bankfiles", "bai2", name);

    [SharedDataFact]
    public void Sample1_two_cad_accounts_five_credits()
    {
        var file = Bai2Reader.Read(Sample("sample1.txt"));
        Assert.Empty(file.Problems); // 49: 834,000 and 446,000; 98: 1,280,000 over 25 records; 99: 27 records
        Assert.Equal(2, file.Statements.Count);
        Assert.Equal(17, file.Statements.Sum(s => s.Transactions.Count));
        // Type 108 credits: 2,035.00 + 25.00 + 25.00 value-dated 2006-03-16; 115.00 + 1,000.00 on 2006-03-17. 409s are debits.
        Assert.Equal([2035.00m, 25.00m, 25.00m, 115.00m, 1000.00m], file.Credits.Select(c => c.Amount));
        Assert.Equal([new DateOnly(2006, 3, 16), new(2006, 3, 16), new(2006, 3, 16), new(2006, 3, 17), new(2006, 3, 17)], file.Credits.Select(c => c.ValueDate));
        Assert.All(file.Credits, c => Assert.Equal("CAD", c.Currency));
        Assert.Equal("MACLEOD MALL", file.Credits.ElementAt(1).RemittanceText);
        Assert.Equal(-25.00m, file.Statements[0].Transactions[0].Amount); // 409 RETURNED CHEQUE
    }

    [SharedDataFact]
    public void Sample2_groups_funds_types_and_text_continued_on_an_88_record()
    {
        var file = Bai2Reader.Read(Sample("sample2.txt"));
        Assert.Empty(file.Problems);
        Assert.Equal(5, file.Statements.Count); // four groups, five accounts
        Assert.Equal([4500.00m, 5000.00m, 200000.00m, 100000.00m], file.Credits.Select(c => c.Amount));
        var letterOfCredit = file.Credits.ElementAt(2);
        Assert.Equal(new DateOnly(2004, 6, 22), letterOfCredit.ValueDate); // funds type V with its own value date
        Assert.Equal(("SP4738", "YRC065321"), (letterOfCredit.BankReference, letterOfCredit.CustomerReference));
        Assert.Equal("PROCEEDS OF LETTER OF CREDIT FROM THE ARAMCO OIL CO", letterOfCredit.RemittanceText);
        Assert.Equal(new DateOnly(2004, 6, 20), file.Credits.First().ValueDate); // the group's as-of date
        Assert.Equal("LOCK BOX NO.68751", file.Credits.ElementAt(1).RemittanceText);
    }

    [SharedDataFact]
    public void Sample3_several_records_on_a_line_and_text_across_a_line_break()
    {
        var file = Bai2Reader.Read(Sample("sample3.txt"));
        Assert.Empty(file.Problems);
        Assert.Equal(15, file.Statements.Count);
        // 13 detail records with credit type codes (142 etc.), 39,713 cents in all (grep of the 16 records).
        Assert.Equal(13, file.Credits.Count());
        Assert.Equal(397.13m, file.Credits.Sum(c => c.Amount));
        Assert.Equal("TRANSFER   PAYPAL             PPD", file.Credits.First().RemittanceText);
    }

    [SharedDataFact]
    public void Samples_4_and_5_parse_but_their_trailers_do_not_add_up()
    {
        foreach (var name in new[] { "sample4-continuations-newline-delimited.txt", "sample5-issue113.txt" })
        {
            var file = Bai2Reader.Read(Sample(name));
            // Account 107049932's trailer (line 22) claims -1,260,161,341,762 over 26 records; its 03 and 16 records
            // hold 7,999,960 over 18. A real mismatch in the published sample: reported with line and figures.
            var first = file.Problems.First();
            Assert.Equal((22, "account 107049932 control total", -1260161341762m, 7999960m), (first.Line, first.What, first.Expected, first.Actual));
            Assert.Contains("line 22: account 107049932 control total: the file says -1260161341762, the entries add up to 7999960", first.ToString());
        }
        // 9 and 11 credit entries, of which 4 each are returns (255, 257, 261, 266): no customer's payment
        Assert.Equal(5, Bai2Reader.Read(Sample("sample4-continuations-newline-delimited.txt")).Credits.Count());
        Assert.Equal(7, Bai2Reader.Read(Sample("sample5-issue113.txt")).Credits.Count());
    }

    [SharedDataFact]
    public void The_projects_own_malformed_sample_is_refused_with_a_clear_message()
    {
        var error = Assert.Throws<BankFormatException>(() => Bai2Reader.Read(Sample("error-sample-parseError.txt")));
        Assert.Equal("error-sample-parseError.txt: line 1: record type '00' is not a BAI2 record type (01, 02, 03, 16, 49, 88, 98, 99)", error.Message);
    }

    [SharedDataFact]
    public void One_altered_amount_fails_its_account_control_total()
    {
        var lines = File.ReadAllLines(Sample("sample1.txt"));
        lines[7] = lines[7].Replace("000000000203500", "000000000203600"); // TFR 1020 0345678: 2,035.00 -> 2,036.00
        var file = Bai2Reader.Parse("sample1-altered.txt", lines);
        Assert.Equal(
            ["line 16: account 10200123456 control total: the file says 834000, the entries add up to 834100"],
            file.Problems.Select(p => p.ToString()));
    }

    [SharedDataFact]
    public void Returned_items_and_bounced_wires_are_no_customers_payment()
    {
        // sample4 (a bank's real return traffic): 255 Check Return 9.31, 257 ACH Debit Payment Return 600.00, 261 ACH
        // Credit Reject 1,435.00 and 266 Outgoing Wire Return 19.12 bring money back that no customer paid; 557 ACH
        // Credit Receipt Return 2,000.00 takes back a customer's ACH payment (issue 24: all were read as payments).
        var file = Bai2Reader.Read(Sample("sample4-continuations-newline-delimited.txt"));
        var all = file.Statements.SelectMany(s => s.Transactions).ToList();
        Assert.DoesNotContain(file.Credits, c => c.TypeCode is "255" or "257" or "261" or "266");
        Assert.Equal([1435.00m, 19.12m, 600.00m, 9.31m],
            all.Where(t => t.TypeCode is "255" or "257" or "261" or "266").OrderBy(t => t.Line).Select(t => t.Amount));
        Assert.All(all.Where(t => t.TypeCode is "255" or "257" or "261" or "266"), t => Assert.True(t.IsReversal && !t.IsCredit));
        var takenBack = Assert.Single(all, t => t.TypeCode == "557");
        Assert.Equal((-2000.00m, true), (takenBack.Amount, takenBack.ReversesCredit));
    }
}
