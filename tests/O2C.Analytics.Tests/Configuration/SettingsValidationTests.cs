using Microsoft.Extensions.Configuration;
using O2C.Analytics.Configuration;
using O2C.Analytics.Schedule;

namespace O2C.Analytics.Tests.Configuration;

/// <summary>Configuration the program would silently ignore is refused at start, by its path (issue 21).</summary>
public sealed class SettingsValidationTests
{
    private static IConfiguration Json(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))).Build();

    [Fact]
    public void A_mistyped_key_is_named_with_the_closest_real_one()
    {
        var unknown = SettingsValidator.UnknownKeys(Json("""{ "Mail": { "SmtpHsot": "smtp.example.com", "PackRecipients": ["a@b.c"] }, "ReportingCurency": "EUR" }"""), typeof(O2cSettings));
        Assert.Equal(["Mail:SmtpHsot (did you mean Mail:SmtpHost?)", "ReportingCurency (did you mean ReportingCurrency?)"], unknown.Order());
    }

    [Fact]
    public void Keys_inside_lists_are_checked_against_the_elements_and_case_does_not_matter()
    {
        Assert.Empty(SettingsValidator.UnknownKeys(Json("""
            { "mail": { "scopedPacks": [ { "scope": "region=EMEA", "recipients": ["x@y.z"] } ] },
              "Schedule": { "Jobs": [ { "Name": "load", "Kind": "load", "Cron": "0 0 6 * * ?" } ] } }
            """), typeof(O2cSettings)));
        Assert.Equal(["Schedule:Jobs:0:Crn (did you mean Schedule:Jobs:0:Cron?)"],
            SettingsValidator.UnknownKeys(Json("""{ "Schedule": { "Jobs": [ { "Name": "load", "Kind": "load", "Crn": "x" } ] } }"""), typeof(O2cSettings)));
    }

    [Theory]
    [InlineData("Export", "Schedule:Jobs:0 (nightly): unknown Kind 'Export'; the kinds are load, extract, refresh, match, pack, sla, export")]
    [InlineData("pack", "Schedule:Jobs:0 (nightly): 'every night' is not a valid cron expression (seconds minutes hours day-of-month month day-of-week)")]
    public void A_job_that_would_never_run_is_refused(string kind, string message)
    {
        var schedule = new ScheduleSettings { Jobs = [new() { Name = "nightly", Kind = kind, Cron = "every night" }] };
        Assert.Equal(message, Assert.Throws<ArgumentException>(schedule.Validate).Message);
    }

    /// <summary>Every kind the settings accept is one the scheduler runs, and the other way round: match included.</summary>
    [Fact]
    public void Every_job_kind_is_schedulable()
    {
        var steps = new O2C.Analytics.Pipeline.PipelineSteps(O2C.Analytics.Storage.SqlFolder.Default(), new O2C.Analytics.Pipeline.OutputPaths("reports", "x.duckdb"),
            "USD", new O2C.Analytics.Spc.SpcOptions(), new O2C.Analytics.Mail.MailSettings(), []);
        Assert.Equal(ScheduleSettings.Kinds.Order(), new PipelineJobs(steps).Kinds.Keys.Order());
        Assert.Contains("match", ScheduleSettings.Kinds);
    }
}
