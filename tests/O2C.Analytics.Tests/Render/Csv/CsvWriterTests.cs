using System.Globalization;
using O2C.Analytics.Analyst;
using O2C.Analytics.Render.Csv;

namespace O2C.Analytics.Tests.Render.Csv;

/// <summary>The one CSV writer: RFC 4180 quoting, '\n' line ends, invariant formats, empty for null.</summary>
public sealed class CsvWriterTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("carriage\rreturn", "\"carriage\rreturn\"")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void A_field_is_quoted_exactly_when_it_holds_a_comma_quote_or_line_break(string? value, string written)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, "h"))
        {
            csv.Text(value).Text("x");
            csv.End();
        }
        Assert.Equal($"h\n{written},x\n", text.ToString());
    }

    [Fact]
    public void Dates_money_and_numbers_are_written_in_invariant_formats()
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, "date", "money", "kwd", "n", "count", "flag"))
        {
            // 1234.5 has one decimal: money gets two (cents); 1.125 keeps its third (KWD fils).
            csv.Date(new DateOnly(2026, 3, 31)).Money(1234.5m).Money(1.125m).Number(0.5m, "0.000").Integer(-7).Flag(true);
            csv.End();
            Assert.Equal(1, csv.Rows);
        }
        Assert.Equal("date,money,kwd,n,count,flag\n2026-03-31,1234.50,1.125,0.500,-7,true\n", text.ToString());
    }

    [Fact]
    public void Query_results_go_through_the_same_writer()
    {
        // o2c kpi and o2c sql once quoted differently: a note with a line break was left unquoted by one of them.
        var result = new QueryResult(["note", "value"], [["late,\r\npaid", 1.5m], [null, new DateOnly(2026, 10, 31)]]);
        Assert.Equal("note,value\n\"late,\r\npaid\",1.5\n,2026-10-31\n", QueryOutput.Csv(result));
    }
}
