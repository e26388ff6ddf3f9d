namespace O2C.Analytics.Generate;

/// <summary>
/// Generates one customer's whole history (invoices, memos, disputes, deductions, payments, dunning, promises,
/// write-offs) and streams it to the sample files. Everything dated after the cut-off is left out, as in a
/// real extract taken on the cut-off date: open items stay open.
/// </summary>
public sealed class CustomerHistory(
    CustomerProfile customer,
    GeneratorOptions options,
    BusinessCalendar calendar,
    DocumentNumbers numbers,
    SampleFiles files,
    SampleRandom customerRandom,
    SampleOperations operations,
    SamplePilot? pilot = null)
{
    // Each invoice draws from a stream forked off the customer's, and receipts from their own: so a later cut-off
    // (one more month) adds facts without changing a single earlier one.
    private SampleRandom rng = null!; // the current invoice's stream, set before each invoice

    // Median business days to resolve: about half the category's SLA (dispute_category_sla), so most meet it.
    private static readonly (string Category, double Weight, double MedianDays)[] DisputeCategories =
    [
        ("pricing", 0.30, 5.5), ("quantity", 0.20, 5.5), ("damaged", 0.15, 8), ("delivery", 0.15, 8),
        ("duplicate_billing", 0.08, 2.5), ("tax", 0.07, 11), ("other", 0.05, 8),
    ];

    // A high-risk customer leaves some invoices unpaid; they are written off this long after their due date.
    private const double NeverPaidShare = 0.08;
    private const int WriteOffAfterDays = 270;

    private readonly List<PlannedPayment> _payments = [];
    private DateOnly CutOff => options.CutOff;
    private SampleStory Story { get; } = options.Story;

    public void Generate()
    {
        var receiptRandom = customerRandom.Fork();
        var openingRandom = customerRandom.Fork();
        for (var m = -options.OpeningMonths; m < 0; m++)
        {
            var monthStart = options.FirstMonth.AddMonths(m);
            var count = openingRandom.Poisson(customer.InvoicesPerMonth * SampleStory.BillingVolume(monthStart.Month) * Math.Pow(1.06, m / 12.0));
            for (var i = 0; i < count; i++)
            {
                rng = openingRandom.Fork();
                OpeningItem(monthStart, m);
            }
        }
        for (var m = 0; m < options.Months; m++)
        {
            var monthStart = options.FirstMonth.AddMonths(m);
            var growth = Math.Pow(1.06, m / 12.0);
            var count = customerRandom.Poisson(customer.InvoicesPerMonth * SampleStory.BillingVolume(monthStart.Month) * growth);
            for (var i = 0; i < count; i++)
            {
                rng = customerRandom.Fork();
                Invoice(monthStart, m);
            }
        }
        new ReceiptBuilder(customer, options, calendar, numbers, files, receiptRandom, operations).Write(_payments);
    }

    /// <summary>
    /// An invoice of the months before the first: written to the opening open-items file only when it is still
    /// open on the opening balance date (as a company brings its aged open items when it starts), with its later
    /// payment, chasing and write-off. One settled before the opening leaves no trace.
    /// </summary>
    private void OpeningItem(DateOnly monthStart, int monthIndex)
    {
        var ship = ShipDate(monthStart);
        var invoiceDate = calendar.AddBusinessDays(ship, rng.Weighted<int>([(0, 0.85), (1, 0.11), (2, 0.025), (3, 0.01), (5, 0.005)]));
        var amount = Round((decimal)rng.LogNormal(customer.MedianInvoiceAmount, 0.7));
        var due = invoiceDate.AddDays(customer.TermsDays);
        var neverPaid = customer.NeverPaysSome && rng.Chance(NeverPaidShare);
        var payDate = Later(PayDate(due, monthIndex), invoiceDate.AddDays(1));
        if (invoiceDate > options.OpeningBalanceDate) return; // invoiced in the first month: not an opening item
        var writeOffDate = calendar.OnOrAfter(due.AddDays(WriteOffAfterDays));
        if (neverPaid ? writeOffDate <= options.OpeningBalanceDate : payDate <= options.OpeningBalanceDate) return;

        var id = numbers.Invoice();
        files.OpeningDocuments.Text(id).Text("invoice").Text(customer.CustomerId).Date(null).Date(null).Date(invoiceDate).Date(null)
            .Date(due).Money(amount).Text(customer.Currency).Text(null).Text(null).Text(null).Date(options.OpeningBalanceDate).End();
        if (neverPaid)
        {
            LeaveUnpaid(id, due, amount);
            return;
        }
        var paid = Later(Chase(id, due, amount, payDate), options.FirstMonth);
        _payments.Add(new PlannedPayment(paid, id, amount, paid));
    }

    private void Invoice(DateOnly monthStart, int monthIndex)
    {
        var ship = ShipDate(monthStart);
        var invoiceDate = calendar.AddBusinessDays(ship, rng.Weighted<int>([(0, 0.88), (1, 0.09), (2, 0.02), (3, 0.007), (5, 0.003)]));
        if (invoiceDate > CutOff) return; // shipped in the last days, invoiced after the extract
        // The story's billing-error month: a wrong price file, so many invoices are corrected and disputed.
        var billingError = monthStart == Story.BillingErrorMonth;
        var amount = Round((decimal)rng.LogNormal(customer.MedianInvoiceAmount, 0.7));
        var id = WriteInvoice(ship.AddDays(-rng.Between(1, 12)), ship, invoiceDate, amount, null);
        var due = invoiceDate.AddDays(customer.TermsDays);
        var payable = amount;

        // Billing errors corrected by a credit memo: partial, or full with a rebill.
        if (rng.Chance(billingError ? 0.12 : 0.006))
        {
            var cmDate = calendar.OnOrAfter(invoiceDate.AddDays(rng.Between(4, 45)));
            var full = rng.Chance(0.3);
            var credit = full ? amount : Round(amount * (decimal)(0.05 + 0.4 * rng.Uniform()));
            WriteCreditMemo(cmDate, credit, id, null);
            payable -= credit;
            if (full && cmDate <= CutOff)
            {
                var rebill = Round(amount * (decimal)(0.85 + 0.15 * rng.Uniform()));
                var rebillId = WriteInvoice(null, null, cmDate, rebill, id);
                PayAndChase(rebillId, cmDate, cmDate.AddDays(customer.TermsDays), rebill, monthIndex, disputed: null);
            }
        }

        Dispute? dispute = null;
        if (payable > 0 && rng.Chance(customer.DisputeRate * (billingError ? 3 : 1)))
            dispute = OpenDispute(id, invoiceDate, payable, billingError);
        if (dispute is not null) payable -= dispute.Amount;
        if (payable > 0) PayAndChase(id, invoiceDate, due, payable, monthIndex, dispute);
        else if (dispute is not null) SettleDispute(dispute, id, invoiceDate, due, monthIndex);
    }

    private sealed record Dispute(string Id, string Category, decimal Amount, DateOnly Opened, DateOnly Resolved, bool Valid);

    private Dispute OpenDispute(string documentId, DateOnly invoiceDate, decimal payable, bool billingError)
    {
        var category = rng.Weighted(DisputeCategories.Select(c => ((c.Category, c.MedianDays), c.Weight)).ToList());
        if (billingError && rng.Chance(0.7)) category = DisputeCategories.Where(c => c.Category == "pricing").Select(c => (c.Category, c.MedianDays)).Single();
        var disputed = rng.Chance(0.4) ? payable : Round(payable * (decimal)(0.1 + 0.5 * rng.Uniform()));
        var opened = calendar.OnOrAfter(invoiceDate.AddDays(rng.Between(3, 30)));
        var days = Math.Max(1, (int)Math.Round(rng.LogNormal(category.MedianDays, 0.45)));
        var resolved = calendar.AddBusinessDays(opened, days);
        var dispute = new Dispute(numbers.Dispute(), category.Category, disputed, opened, resolved, rng.Chance(0.6));
        WriteDisputeRow(dispute, "dispute", documentId, recovered: null);
        return dispute;
    }

    /// <summary>A valid dispute ends in a credit memo; an invalid one is paid after it is resolved.</summary>
    private void SettleDispute(Dispute dispute, string documentId, DateOnly issued, DateOnly due, int monthIndex)
    {
        if (dispute.Valid)
        {
            var cmDate = calendar.AddBusinessDays(dispute.Resolved, rng.Weighted<int>([(1, 0.5), (3, 0.3), (5, 0.14), (8, 0.04), (12, 0.02)]));
            WriteCreditMemo(cmDate, dispute.Amount, documentId, dispute.Id);
        }
        else
        {
            var payDate = Later(dispute.Resolved.AddDays(rng.Between(2, 20)), PayDate(due, monthIndex));
            _payments.Add(Planned(new PlannedPayment(payDate, documentId, dispute.Amount, payDate), issued));
        }
    }

    private void PayAndChase(string documentId, DateOnly invoiceDate, DateOnly due, decimal payable, int monthIndex, Dispute? disputed)
    {
        if (disputed is not null) SettleDispute(disputed, documentId, invoiceDate, due, monthIndex);

        if (customer.NeverPaysSome && rng.Chance(NeverPaidShare))
        {
            LeaveUnpaid(documentId, due, payable);
            return;
        }

        var payDate = Later(PayDate(due, monthIndex), invoiceDate.AddDays(1));
        payDate = Chase(documentId, due, payable, payDate, Sooner(invoiceDate));

        if (rng.Chance(0.05))
        {
            // Paid in two instalments.
            var first = Round(payable * (decimal)(0.5 + 0.3 * rng.Uniform()));
            _payments.Add(Planned(new PlannedPayment(payDate, documentId, first, invoiceDate.AddDays(1)), invoiceDate));
            var second = payDate.AddDays(rng.Between(12, 45));
            _payments.Add(Planned(new PlannedPayment(second, documentId, payable - first, second), invoiceDate));
        }
        else if (disputed is null && rng.Chance(0.03))
        {
            // Short payment: the customer deducts part and a deduction opens.
            var shortBy = Round(payable * (decimal)(0.02 + 0.10 * rng.Uniform()));
            var paid = Planned(new PlannedPayment(payDate, documentId, payable - shortBy, invoiceDate.AddDays(1)), invoiceDate);
            _payments.Add(paid);
            Deduction(documentId, paid.Date, shortBy);
        }
        else
        {
            _payments.Add(Planned(new PlannedPayment(payDate, documentId, payable, invoiceDate.AddDays(1)), invoiceDate));
        }
    }

    /// <summary>Days sooner a pilot customer pays an invoice issued on <paramref name="issued"/> (SamplePilot): 0 outside the pilot.</summary>
    private int Sooner(DateOnly issued) => pilot is not null && issued >= pilot.Start ? pilot.EffectDays : 0;

    /// <summary>
    /// A payment as the customer makes it: a pilot customer pays an invoice issued from the pilot's start that many
    /// days sooner, never before the day after the invoice. Moved after every other decision about it, so that the
    /// invoice's own random stream draws the same and the effect is exactly the pilot's.
    /// </summary>
    private PlannedPayment Planned(PlannedPayment payment, DateOnly issued)
    {
        var sooner = Sooner(issued);
        if (sooner == 0) return payment;
        var earliest = issued.AddDays(1);
        return payment with { Date = Later(payment.Date.AddDays(-sooner), earliest), NotBefore = Later(payment.NotBefore.AddDays(-sooner), earliest) };
    }

    private void Deduction(string documentId, DateOnly paidOn, decimal shortBy)
    {
        var category = rng.Weighted<string>([("promotion", 0.35), ("pricing", 0.25), ("damaged", 0.2), ("quantity", 0.15), ("other", 0.05)]);
        var opened = calendar.AddBusinessDays(calendar.OnOrAfter(paidOn), rng.Between(0, 2));
        var resolved = calendar.AddBusinessDays(opened, Math.Max(2, (int)Math.Round(rng.LogNormal(15, 0.6))));
        var valid = rng.Chance(0.45);
        var dispute = new Dispute(numbers.Deduction(), category, shortBy, opened, resolved, valid);
        decimal? recovered = null;
        if (valid)
        {
            WriteCreditMemo(calendar.AddBusinessDays(resolved, rng.Weighted<int>([(1, 0.5), (4, 0.3), (8, 0.2)])), shortBy, documentId, dispute.Id);
        }
        else if (rng.Chance(0.75))
        {
            var recoveredOn = resolved.AddDays(rng.Between(5, 35));
            // dated from the deduction, which a pilot's sooner payment has already moved
            _payments.Add(new PlannedPayment(recoveredOn, documentId, shortBy, recoveredOn));
            if (recoveredOn <= CutOff) recovered = shortBy;
        }
        else
        {
            WriteOff(documentId, resolved.AddDays(30), shortBy, "invalid deduction not recovered");
        }
        WriteDisputeRow(dispute, "deduction", documentId, recovered);
    }

    /// <summary>
    /// Dunning for an invoice still unpaid: a reminder email, a letter, a call that may win a promise; a broken
    /// promise is followed up. Returns the payment date, which a promise can pull earlier.
    /// </summary>
    private DateOnly Chase(string documentId, DateOnly due, decimal open, DateOnly payDate, int sooner = 0)
    {
        // A pilot customer pays sooner (Planned): nothing is sent after it paid, though the draws are as without it.
        var paidBy = payDate == DateOnly.MaxValue ? payDate : payDate.AddDays(-sooner);
        void Activity(DateOnly date, string type, string outcome)
        {
            // Before the first month (an opening item's early chasing) the company's old system holds it.
            if (date > CutOff || date >= paidBy || date < options.FirstMonth) return;
            files.Activities.Text(numbers.Activity()).Text(customer.CustomerId).Text(documentId).Date(date).Text(type).Text(outcome).Text(customer.Collector).End();
        }

        Activity(calendar.AddBusinessDays(due, 3), "email", "sent");
        Activity(calendar.AddBusinessDays(due, 10), "dunning_letter", "sent");
        var callDate = calendar.AddBusinessDays(due, 18);
        if (callDate >= payDate || callDate > CutOff) return payDate;
        var outcome = rng.Weighted<string>([("promise", 0.55), ("no_answer", 0.3), ("left_message", 0.15)]);
        Activity(callDate, "call", outcome);
        if (outcome != "promise") return payDate;

        var promised = calendar.OnOrAfter(callDate.AddDays(rng.Between(3, 12)));
        if (callDate >= options.FirstMonth && callDate < paidBy)
            files.Promises.Text(numbers.Promise()).Text(customer.CustomerId).Text(documentId).Date(callDate).Date(promised)
                .Money(open).Text(customer.Currency).Text(customer.Collector).End();
        if (payDate != DateOnly.MaxValue && rng.Chance(0.72))
            return Earlier(payDate, promised.AddDays(rng.Between(-3, 0))); // kept
        // Broken: follow up once the promised date has passed, usually within two business days.
        var followUp = calendar.AddBusinessDays(promised, rng.Weighted<int>([(1, 0.7), (2, 0.22), (4, 0.06), (7, 0.02)])
            + (operations.ShortStaffed(customer.BpoTeam, promised) ? 3 : 0)); // a short-staffed team follows up late
        Activity(followUp, "call", rng.Chance(0.5) ? "left_message" : "no_answer");
        return payDate;
    }

    private DateOnly PayDate(DateOnly due, int monthIndex)
    {
        var start = options.DeteriorationStartMonth;
        var delay = customer.Behaviour switch
        {
            PaymentBehaviour.Prompt => rng.Normal(-5, 3),
            PaymentBehaviour.Typical => rng.Normal(-3, 5),
            // A chronic late payer now and then lets an invoice slide for months (the over-90 tail).
            PaymentBehaviour.ChronicLate => rng.Normal(22, 12) + (rng.Chance(0.08) ? rng.Between(45, 120) : 0),
            PaymentBehaviour.Seasonal => rng.Normal(-2, 4) + (due.Month is 7 or 8 or 12 ? 15 : 0),
            _ => 0,
        };
        // The story segment: from the start month every payment falls due later, 2 days more each month (up to 16).
        if (customer.Deteriorates && DueIndex(due) >= start) delay += Math.Min(16, 2 * (DueIndex(due) - start + 1));
        return due.AddDays((int)Math.Round(Math.Max(-customer.TermsDays + 2, delay)));
    }

    /// <summary>Shipments bunch up in the last business week of a month (the month-end push).</summary>
    private int DueIndex(DateOnly due) => (due.Year - options.FirstMonth.Year) * 12 + due.Month - options.FirstMonth.Month;

    private DateOnly ShipDate(DateOnly monthStart)
    {
        var monthEnd = monthStart.AddMonths(1).AddDays(-1);
        var lastBusinessDay = calendar.AddBusinessDays(monthEnd.AddDays(1), -1);
        if (rng.Chance(0.35)) return calendar.AddBusinessDays(lastBusinessDay, -rng.Between(0, 4));
        var shipped = calendar.OnOrAfter(monthStart.AddDays(rng.Between(0, monthEnd.Day - 1)));
        return shipped <= monthEnd ? shipped : lastBusinessDay;
    }

    private string WriteInvoice(DateOnly? order, DateOnly? ship, DateOnly date, decimal amount, string? corrects)
    {
        var id = numbers.Invoice();
        var sent = customer.EInvoicing ? date : date.AddDays(rng.Weighted<int>([(0, 0.75), (1, 0.22), (2, 0.025), (4, 0.005)])
            + (operations.ShortStaffed(customer.BpoTeam, date) ? 2 : 0)); // a short-staffed team dispatches late
        var channel = customer.EInvoicing ? (rng.Chance(0.8) ? "e_invoice" : "portal") : (rng.Chance(0.7) ? "email" : "paper");
        files.Documents.Text(id).Text("invoice").Text(customer.CustomerId).Date(order).Date(ship).Date(date).Date(sent)
            .Date(date.AddDays(customer.TermsDays)).Money(amount).Text(customer.Currency).Text(corrects).Text(null).Text(channel).End();
        return id;
    }

    /// <summary>An invoice the customer never pays: chased, then written off as bad debt.</summary>
    private void LeaveUnpaid(string documentId, DateOnly due, decimal amount)
    {
        Chase(documentId, due, amount, DateOnly.MaxValue);
        WriteOff(documentId, calendar.OnOrAfter(due.AddDays(WriteOffAfterDays)), amount, "bad debt: customer insolvent");
    }

    private void WriteOff(string documentId, DateOnly date, decimal amount, string reason)
    {
        if (date > CutOff) return;
        files.WriteOffs.Text(numbers.WriteOff()).Text(documentId).Date(date).Money(amount).Text(reason).End();
    }

    private void WriteCreditMemo(DateOnly date, decimal amount, string corrects, string? disputeId)
    {
        if (date > CutOff) return;
        files.Documents.Text(numbers.CreditMemo()).Text("credit_memo").Text(customer.CustomerId).Date(null).Date(null).Date(date)
            .Date(date).Date(null).Money(amount).Text(customer.Currency).Text(corrects).Text(disputeId)
            .Text(customer.EInvoicing ? "e_invoice" : "email").End();
    }

    private void WriteDisputeRow(Dispute d, string kind, string documentId, decimal? recovered)
    {
        if (d.Opened > CutOff) return;
        var resolved = d.Resolved <= CutOff;
        var assigned = calendar.AddBusinessDays(d.Opened, rng.Weighted<int>([(0, 0.6), (1, 0.28), (2, 0.08), (3, 0.03), (5, 0.01)]));
        files.Disputes.Text(d.Id).Text(kind).Text(documentId).Text(customer.CustomerId).Text(d.Category).Money(d.Amount)
            .Text(customer.Currency).Date(d.Opened).Date(assigned <= CutOff ? assigned : null).Date(resolved ? d.Resolved : null)
            .Text(resolved ? (d.Valid ? "valid" : "invalid") : null).Money(resolved ? recovered : null)
            .Text(customer.BpoTeam.StartsWith("BPO", StringComparison.Ordinal) ? "bpo" : "client").End();
    }

    private decimal Round(decimal amount) =>
        Math.Max(customer.Currency == "JPY" ? 100m : 1m, Math.Round(amount, customer.Currency == "JPY" ? 0 : 2, MidpointRounding.AwayFromZero));

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
    private static DateOnly Earlier(DateOnly a, DateOnly b) => a < b ? a : b;
}
