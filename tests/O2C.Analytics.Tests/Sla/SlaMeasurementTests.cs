using O2C.Analytics.Reports.QuarterlyReview;
using O2C.Analytics.Reports.MonthlyPack;
using O2C.Analytics.Sla;
using O2C.Analytics.Tests.Support;
using O2C.Analytics.Storage;
using static O2C.Analytics.Tests.Support.CanonicalFiles;

namespace O2C.Analytics.Tests.Sla;

/// <summary>
/// Every default SLA on items built for it, USD, holidays 2025-12-25, 2025-12-26 and 2026-01-01 (business days are
/// otherwise Monday to Friday). 2026-01-01 is a Thursday; 2026-03-31 (a quarter end) a Tuesday. Elapsed business
/// days = business days after the start up to and including the end. An item counts in the quarter its deadline
/// falls in, as of that quarter's end. A July invoice puts the data's horizon at 2026-07-15, so 2026Q2 is closed.
/// </summary>
public sealed class SlaMeasurementTests : IClassFixture<SlaMeasurementTests.Scenario>
{
    private readonly Scenario _s;

    public SlaMeasurementTests(Scenario s) => _s = s;

    public sealed class Scenario : KpiScenario
    {
        /// <summary>The defaults plus one calendar-day SLA, to test that clock too.</summary>
        public static readonly IReadOnlyList<SlaDefinition> Definitions =
        [
            .. SlaCatalog.Defaults,
            new() { Id = "invoice_sent_3cd", Name = "Invoice sent within 3 calendar days", Event = "invoice_sent", Clock = "calendar", ThresholdDays = 3, TargetRate = 0.5m, Owner = "client", CreditPerBreach = 10m },
        ];

        /// <summary>Team A, which works every customer here, is the BPO's.</summary>
        public static readonly SlaContract Contract = new() { BpoTeams = ["Team A"] };

        public Scenario() => Result = SlaRunner.Run(W.Warehouse, SqlFolder.Default(), Definitions, Contract);

        public SlaRunResult Result { get; }

        protected override void WriteFiles(TempWarehouse w)
        {
            w.Write("customers.csv", Customers, Customer("C1"), Customer("C2"), Customer("C3"));
            w.Write("holidays.csv", Holidays, "2025-12-25,Christmas Day", "2025-12-26,Boxing Day", "2026-01-01,New Year's Day");
            string Shipped(string id, string ship, string sent) => $"{id},invoice,C1,{ship},{ship},{ship},{sent},2026-12-31,100.00,USD,,,email";
            w.Write("documents.csv", Documents,
                Shipped("I1", "2026-01-09", "2026-01-12"),   // Fri -> Mon: 1, at the threshold across a weekend: met
                Shipped("I2", "2026-01-09", "2026-01-13"),   // Fri -> Tue: 2, late by 1
                Shipped("I3", "2025-12-24", "2025-12-29"),   // Wed -> Mon over two holidays and a weekend: 1, met, 2025Q4
                Shipped("I4", "2025-12-31", "2026-01-02"),   // Wed -> Fri over New Year's Day: 1, met, deadline in 2026Q1
                Shipped("I5", "2026-03-31", "2026-04-02"),   // quarter-end Tue -> Thu: 2, late; deadline Wed 04-01: 2026Q2
                Shipped("I6", "2026-03-30", "2026-04-01"),   // deadline Tue 03-31 (2026Q1), still unsent at the quarter end
                Shipped("I7", "2026-02-26", "2026-03-02"),   // Thu -> Mon across a month end: 2, late by 1
                Invoice("I8", "C1", "2026-01-02", "2026-02-01", "1000.00"),
                Invoice("I9", "C1", "2026-01-02", "2026-02-01", "1000.00"),
                Invoice("I10", "C2", "2026-01-02", "2026-02-01", "1000.00"),
                Invoice("I11", "C3", "2026-01-02", "2026-02-01", "500.00"),
                Invoice("I12", "C1", "2026-07-15", "2026-08-14", "100.00"),
                "CM1,credit_memo,C1,,,2026-01-26,2026-01-26,,100.00,USD,I8,D1,email",
                "CM2,credit_memo,C1,,,2026-01-28,2026-01-28,,50.00,USD,I9,DED1,email");
            w.Write("receipts.csv", Receipts,
                "R1,C1,2026-01-09,2026-01-09,100.00,USD,ach,,",    // applied Mon 01-12: 1, met
                "R2,C2,2026-01-09,2026-01-09,100.00,USD,ach,,",    // applied Wed 01-14: 3, late by 2
                "R3,C3,2026-03-31,2026-03-31,100.00,USD,ach,,",    // never applied: deadline Wed 04-01 (2026Q2), open at its end
                "R4,C3,2026-01-15,2026-01-15,500.00,USD,ach,,");   // applied the same day: 0, met; keeps promise P3
            w.Write("applications.csv", Applications,
                "A1,R1,I8,2026-01-12,100.00,auto", "A2,R2,I10,2026-01-14,100.00,manual", "A4,R4,I11,2026-01-15,500.00,auto");
            w.Write("disputes.csv", Disputes,
                "D1,dispute,I8,C1,pricing,100.00,USD,2026-01-05,2026-01-05,2026-01-19,valid,,bpo",           // 10 of 10: met; memo Mon 01-26: 5 of 5, met
                "D2,dispute,I10,C2,duplicate_billing,100.00,USD,2026-01-05,2026-01-05,2026-01-13,invalid,,client", // 6 of 5: late by 1
                "DED1,deduction,I9,C1,promotion,50.00,USD,2026-01-09,2026-01-13,2026-01-20,valid,,bpo",      // assigned 2 of 2: met; memo Wed 01-28: 6 of 5, late
                "DED2,deduction,I10,C2,promotion,50.00,USD,2026-01-09,2026-01-14,2026-01-30,invalid,,bpo");  // assigned 3 of 2: late by 1
            w.Write("promises_to_pay.csv", Promises,
                "P1,C1,I9,2026-01-12,2026-01-16,1000.00,USD,Ann",   // broken; C1's next contact Tue 01-20: 2 of 2, met
                "P2,C2,I10,2026-01-12,2026-01-16,900.00,USD,Ann",   // broken (100 paid of 900); next contact Wed 01-21: 3, late
                "P3,C3,I11,2026-01-12,2026-01-16,500.00,USD,Ann");  // kept (paid 01-15): not measured
            w.Write("collection_activities.csv", Activities,
                "ACT1,C1,I9,2026-01-20,call,no_answer,Ann", "ACT2,C2,I10,2026-01-21,email,sent,Ann", "ACT3,C1,I9,2026-01-12,call,promise,Ann");
        }

        public Measurement Get(string sla, string item) =>
            W.Warehouse.Query("""
                SELECT quarter, start_date, deadline_date, end_date, elapsed_days, threshold_days, days_over, breach, status, owner, cause
                FROM sla_measurements WHERE sla_id = $s AND item_id = $i
                """, r => new Measurement(r.GetString(0), r.GetFieldValue<DateOnly>(1), r.GetFieldValue<DateOnly>(2),
                    r.IsDBNull(3) ? null : r.GetFieldValue<DateOnly>(3), r.GetInt32(4), r.GetInt32(5), r.GetInt32(6), r.GetBoolean(7), r.GetString(8), r.GetString(9), r.GetString(10)),
                ("s", sla), ("i", item)).Single();

        public long Count(string sla) => W.Warehouse.Scalar<long>("SELECT count(*) FROM sla_measurements WHERE sla_id = $s", ("s", sla));
    }

    public sealed record Measurement(string Quarter, DateOnly Start, DateOnly Deadline, DateOnly? End, int Elapsed, int Threshold, int DaysOver, bool Breach, string Status, string Owner, string Cause);

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Business_days_skip_weekends_and_holidays_across_month_and_year_ends()
    {
        var i1 = _s.Get("invoice_sent", "I1");
        Assert.Equal(("2026Q1", D("2026-01-12"), 1, 0, false, "met"), (i1.Quarter, i1.Deadline, i1.Elapsed, i1.DaysOver, i1.Breach, i1.Status));
        var i2 = _s.Get("invoice_sent", "I2");
        Assert.Equal((2, 1, true, "late"), (i2.Elapsed, i2.DaysOver, i2.Breach, i2.Status));
        // Christmas and Boxing Day (Thu, Fri) and the weekend are not counted: Wed 12-24 -> Mon 12-29 is one business day.
        var i3 = _s.Get("invoice_sent", "I3");
        Assert.Equal(("2025Q4", D("2025-12-29"), 1, false), (i3.Quarter, i3.Deadline, i3.Elapsed, i3.Breach));
        // New Year's Day skipped: Wed 12-31 -> Fri 01-02 is one business day; the deadline is in the new year's quarter.
        var i4 = _s.Get("invoice_sent", "I4");
        Assert.Equal(("2026Q1", D("2026-01-02"), 1, false), (i4.Quarter, i4.Deadline, i4.Elapsed, i4.Breach));
        // Thu 02-26 -> Mon 03-02 across the month end: Fri, Mon = 2.
        var i7 = _s.Get("invoice_sent", "I7");
        Assert.Equal((D("2026-02-27"), 2, 1, true), (i7.Deadline, i7.Elapsed, i7.DaysOver, i7.Breach));
    }

    [Fact]
    public void An_item_spanning_the_quarter_end_counts_once_in_its_deadlines_quarter_and_sees_nothing_after_it()
    {
        // Deadline Tue 03-31 in Q1, sent 04-01: as of the Q1 end it was still unsent, an ageing breach; the send date
        // in April is not seen; elapsed counts the quarter end as passed (Mon 03-30 -> next business day Wed 04-01 = 2).
        var i6 = _s.Get("invoice_sent", "I6");
        Assert.Equal(("2026Q1", D("2026-03-31"), (DateOnly?)null, 2, 1, true, "open past threshold"),
            (i6.Quarter, i6.Deadline, i6.End, i6.Elapsed, i6.DaysOver, i6.Breach, i6.Status));
        // Shipped on the quarter-end day: deadline Wed 04-01, so it belongs to Q2, where it was sent late.
        var i5 = _s.Get("invoice_sent", "I5");
        Assert.Equal(("2026Q2", D("2026-04-02"), 2, true, "late"), (i5.Quarter, i5.End!.Value, i5.Elapsed, i5.Breach, i5.Status));
        // A receipt never applied: deadline in Q2, open at the Q2 end. Business days after Tue 03-31 to Tue 06-30:
        // April 22 + May 21 + June 22 = 65, plus the next business day = 66; over the 1-day threshold by 65.
        var r3 = _s.Get("cash_posted", "R3");
        Assert.Equal(("2026Q2", (DateOnly?)null, 66, 65, "open past threshold", "not applied"), (r3.Quarter, r3.End, r3.Elapsed, r3.DaysOver, r3.Status, r3.Cause));
        // Each item once: 7 shipped invoices, 4 receipts.
        Assert.Equal(7, _s.Count("invoice_sent"));
        Assert.Equal(4, _s.Count("cash_posted"));
        Assert.Equal(new DateOnly(2026, 7, 15), _s.Result.Horizon);
        Assert.Equal(new SlaQuarter(2026, 2), _s.Result.LatestClosedQuarter);
    }

    [Fact]
    public void Cash_posted_within_one_business_day_of_value_date()
    {
        // Causes: matched automatically (a delay is then a posting backlog); applied by hand with no remittance text.
        Assert.Equal((1, false, "posting backlog"), Pick(_s.Get("cash_posted", "R1")));
        Assert.Equal((3, true, "missing remittance"), Pick(_s.Get("cash_posted", "R2")));
        Assert.Equal((0, false, "posting backlog"), Pick(_s.Get("cash_posted", "R4")));
        static (int, bool, string) Pick(Measurement m) => (m.Elapsed, m.Breach, m.Cause);
    }

    [Fact]
    public void Disputes_resolved_within_their_categorys_days_with_the_disputes_own_owner()
    {
        var d1 = _s.Get("dispute_resolution", "D1"); // pricing: 10 business days, exactly at the threshold
        Assert.Equal((10, 10, false, "bpo", "pricing"), (d1.Elapsed, d1.Threshold, d1.Breach, d1.Owner, d1.Cause));
        var d2 = _s.Get("dispute_resolution", "D2"); // duplicate billing: 5 business days; Mon 01-05 -> Tue 01-13 = 6
        Assert.Equal((6, 5, 1, true, "client"), (d2.Elapsed, d2.Threshold, d2.DaysOver, d2.Breach, d2.Owner));
        Assert.Equal(2, _s.Count("dispute_resolution")); // deductions are not disputes
    }

    [Fact]
    public void Deductions_assigned_within_two_business_days()
    {
        Assert.Equal((2, false), (_s.Get("deduction_assigned", "DED1").Elapsed, _s.Get("deduction_assigned", "DED1").Breach));
        Assert.Equal((3, 1, true), (_s.Get("deduction_assigned", "DED2").Elapsed, _s.Get("deduction_assigned", "DED2").DaysOver, _s.Get("deduction_assigned", "DED2").Breach));
    }

    [Fact]
    public void Broken_promises_followed_up_within_two_business_days_and_kept_ones_not_measured()
    {
        var p1 = _s.Get("ptp_followup", "P1"); // Fri 01-16 -> Tue 01-20: 2
        // The follow-up call went unanswered: the customer was not reachable.
        Assert.Equal((D("2026-01-16"), D("2026-01-20"), 2, false, "customer not reachable"), (p1.Start, p1.End!.Value, p1.Elapsed, p1.Breach, p1.Cause));
        var p2 = _s.Get("ptp_followup", "P2"); // Fri 01-16 -> Wed 01-21: 3
        Assert.Equal((3, 1, true), (p2.Elapsed, p2.DaysOver, p2.Breach));
        Assert.Equal(2, _s.Count("ptp_followup")); // P3 was kept
    }

    [Fact]
    public void Credit_memos_issued_within_five_business_days_of_a_resolution_in_the_customers_favour()
    {
        var d1 = _s.Get("credit_memo_issued", "D1"); // Mon 01-19 -> Mon 01-26: 5, at the threshold
        Assert.Equal((5, false, "dispute: pricing", "client"), (d1.Elapsed, d1.Breach, d1.Cause, d1.Owner));
        var ded1 = _s.Get("credit_memo_issued", "DED1"); // Tue 01-20 -> Wed 01-28: 6
        Assert.Equal((6, 1, true), (ded1.Elapsed, ded1.DaysOver, ded1.Breach));
        Assert.Equal(2, _s.Count("credit_memo_issued")); // D2 and DED2 were ruled invalid: no memo due
    }

    [Fact]
    public void A_calendar_clock_counts_every_day()
    {
        // Fri 01-09 -> Mon 01-12 = 3 calendar days: at the 3-day threshold. Fri -> Tue = 4: late by 1.
        Assert.Equal((3, false), (_s.Get("invoice_sent_3cd", "I1").Elapsed, _s.Get("invoice_sent_3cd", "I1").Breach));
        Assert.Equal((4, 1, true), (_s.Get("invoice_sent_3cd", "I2").Elapsed, _s.Get("invoice_sent_3cd", "I2").DaysOver, _s.Get("invoice_sent_3cd", "I2").Breach));
        // Open at the Q1 end: Mon 03-30 + 3 = deadline Thu 04-02, so it is a Q2 item, sent 04-01: 2 days, met.
        var i6 = _s.Get("invoice_sent_3cd", "I6");
        Assert.Equal(("2026Q2", 2, false), (i6.Quarter, i6.Elapsed, i6.Breach));
    }

    [Fact]
    public void The_review_adds_up_items_breaches_compliance_and_service_credits()
    {
        var review = SlaReviewReader.Read(_s.W.Warehouse, SqlFolder.Default(), new SlaQuarter(2026, 1), DateTime.UtcNow);
        var invoices = review.Lines.Single(l => l.SlaId == "invoice_sent");
        // 2026Q1: I1, I4 met; I2, I7 late; I6 open past threshold: 5 items, 3 breaches, 40% against 95%: the per-missed-target credit of 2,500.
        Assert.Equal((5L, 3L, 1L, 0.4m, false, 2500m), (invoices.Volume, invoices.Breaches, invoices.OpenBreaches, invoices.Compliance, invoices.TargetMet, invoices.ServiceCredit));
        // 2025Q4 had I3 only, met: 100%, so the change is -60 points.
        Assert.Equal(1m, invoices.PriorCompliance);
        Assert.Equal(-60m, invoices.ChangePoints);
        // Disputes: D1 met, D2 late: 50%. D2 is the client's own dispute (its owner column): its breach costs the BPO
        // nothing, so no credit (before issue 18: 1 x 50).
        var disputes = review.Lines.Single(l => l.SlaId == "dispute_resolution");
        Assert.Equal((2L, 1L, 0.5m, 0m, "per item"), (disputes.Volume, disputes.Breaches, disputes.Compliance, disputes.ServiceCredit, disputes.Owner));
        // Calendar SLA in Q1: I1 (3, met), I2 (4, late), I4 (Wed 12-31 -> Fri 01-02 = 2, met), I7 (Thu 02-26 -> Mon 03-02 = 4, late);
        // target 50% met. Client-owned: its 2 breaches (x 10) are the client's own and earn no credit.
        var calendar = review.Lines.Single(l => l.SlaId == "invoice_sent_3cd");
        Assert.Equal((4L, 2L, 0.5m, true, 0m), (calendar.Volume, calendar.Breaches, calendar.Compliance, calendar.TargetMet, calendar.ServiceCredit));
        // The quarter's credits, every BPO-owned SLA below target: invoice_sent 2,500 + cash_posted (R2 late of 3) 5,000
        // + deduction_assigned (DED2 late of 2) 1,000 + ptp_followup (P2 late of 2) 1,000 = 9,500, under the 10,000 cap.
        Assert.Equal((9_500m, 9_500m, 9_500m), (review.Credits!.Gross, review.Credits.Capped, review.Credits.Net));
        Assert.Equal(3 + 1 + 1 + 1 + 1 + 1 + 2, review.BreachesInQuarter);
        Assert.Equal(review.BreachesInQuarter, review.Breaches.Rows.Count);
        Assert.Equal(Scenario.Definitions.Count, review.Definitions.Rows.Count);
    }

    [Fact]
    public void A_definition_that_cannot_be_measured_is_refused_with_its_reason()
    {
        var bad = new SlaDefinition { Id = "x", Name = "x", Event = "invoice_paid", ThresholdDays = 1 };
        var error = Assert.Throws<ArgumentException>(() => SlaRunner.Run(_s.W.Warehouse, SqlFolder.Default(), [bad]));
        Assert.StartsWith("SLA x: Event must be one of invoice_sent, cash_posted", error.Message);
        Assert.Equal("2025Q4", SlaQuarter.Parse("2025q4").ToString());
        Assert.Throws<FormatException>(() => SlaQuarter.Parse("2025-13"));
    }
}
