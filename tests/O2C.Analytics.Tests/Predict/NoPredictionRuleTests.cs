using O2C.Analytics.Load;
using O2C.Analytics.Pipeline;
using O2C.Analytics.Predict;
using O2C.Analytics.Storage;
using O2C.Analytics.Tests.Support;
using static O2C.Analytics.Tests.Support.CanonicalFiles;

namespace O2C.Analytics.Tests.Predict;

/// <summary>
/// Which open invoices get no date on the morning of 1 June 2026 (evening 31 May), under the default rules: more
/// than 90 days past due, in an open dispute, or past due with no contact for more than 60 days.
/// </summary>
public sealed class NoPredictionRuleTests
{
    [Fact]
    public void Items_past_the_rules_get_the_reason_and_the_rest_keep_their_date()
    {
        using var w = new TempWarehouse();
        w.Write("customers.csv", Customers, Customer("C1"), Customer("C2"));
        w.Write("documents.csv", Documents,
            Invoice("I1", "C1", "2026-01-30", "2026-03-01", "100.00"),  // 31 May - 1 Mar = 91 days past due: no date
            Invoice("I2", "C1", "2026-01-31", "2026-03-02", "100.00"),  // 90 days: dated (C1 contacted 15 May)
            Invoice("I3", "C1", "2026-05-10", "2026-06-30", "100.00"),  // dispute opened 20 May, open: no date
            Invoice("I4", "C1", "2026-03-10", "2026-06-30", "100.00"),  // dispute resolved 10 May: dated
            Invoice("I5", "C2", "2026-04-01", "2026-05-01", "100.00"),  // 30 days past due, C2 never contacted before 1 June
            Invoice("I6", "C2", "2026-05-20", "2026-06-19", "100.00"),  // not yet due: no contact needed
            Invoice("I7", "C1", "2026-01-02", "2026-02-01", "100.00")); // paid: not open
        w.Write("receipts.csv", Receipts, "R1,C1,2026-02-01,2026-02-01,100.00,USD,ach,,I7");
        w.Write("applications.csv", Applications, "A1,R1,I7,2026-02-01,100.00,auto");
        w.Write("disputes.csv", Disputes,
            "D1,dispute,I3,C1,pricing,100.00,USD,2026-05-20,,,,,client",
            "D2,dispute,I4,C1,pricing,100.00,USD,2026-04-01,,2026-05-10,invalid,,client");
        // C2's call on 1 June is on the morning itself: not yet known.
        w.Write("collection_activities.csv", Activities, "ACT1,C1,I2,2026-05-15,call,no_answer,Ann", "ACT2,C2,I5,2026-06-01,call,no_answer,Ann");
        new CanonicalLoader(w.Warehouse).LoadFolder(w.Sources);
        WarehouseRefresh.Run(w.Warehouse, SqlFolder.Default(), "USD");

        var silenced = new NoPredictionRules().Apply(w.Warehouse, SqlFolder.Default(), new DateOnly(2026, 6, 1));

        Assert.Equal(new Dictionary<string, string>
        {
            ["I1"] = "over 90 days past due",
            ["I3"] = "in dispute since 2026-05-20",
            ["I5"] = "past due, customer never contacted",
        }, silenced.OrderBy(p => p.Key).ToDictionary());
        // Configured otherwise: 120 days, and contacts within 10 days. I1 is dated; I2 (last contact 16 days before) is not.
        var strict = new NoPredictionRules { MaxDaysPastDue = 120, StaleContactDays = 10 }.Apply(w.Warehouse, SqlFolder.Default(), new DateOnly(2026, 6, 1));
        Assert.Equal(["I1", "I2", "I3", "I5"], strict.Keys.Order());
        Assert.Equal("past due, no contact since 2026-05-15", strict["I2"]);
    }
}
