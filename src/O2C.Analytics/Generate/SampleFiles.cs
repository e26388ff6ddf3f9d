using O2C.Analytics.Render.Csv;
namespace O2C.Analytics.Generate;

/// <summary>The canonical files one generator run writes, open for streaming.</summary>
public sealed class SampleFiles : IDisposable
{
    public SampleFiles(string folder, bool gzip, bool openingItems, SampleBankFeed? bankFeed = null)
    {
        BankFeed = bankFeed;
        Directory.CreateDirectory(folder);
        string P(string entity) => Path.Combine(folder, entity + (gzip ? ".csv.gz" : ".csv"));
        Customers = new CsvWriter(P("customers"), gzip, "customer_id", "customer_name", "segment", "region", "country_code",
            "currency_code", "payment_terms_days", "credit_limit", "risk_class", "collector", "bpo_team", "e_invoicing");
        Documents = new CsvWriter(P("documents"), gzip, "document_id", "document_type", "customer_id", "order_date", "ship_date",
            "document_date", "sent_date", "due_date", "amount", "currency_code", "corrects_document_id", "dispute_id", "delivery_channel");
        // The open items the company brings when it starts: its own file, so its own ledger entry.
        _openingDocuments = openingItems
            ? new CsvWriter(P("documents-opening"), gzip, "document_id", "document_type", "customer_id", "order_date", "ship_date",
                "document_date", "sent_date", "due_date", "amount", "currency_code", "corrects_document_id", "dispute_id", "delivery_channel",
                "opening_balance_date")
            : null;
        Receipts = new CsvWriter(P("receipts"), gzip, "receipt_id", "customer_id", "value_date", "posted_date", "amount",
            "currency_code", "payment_method", "bank_reference", "remittance_text");
        Applications = new CsvWriter(P("applications"), gzip, "application_id", "receipt_id", "document_id", "application_date",
            "amount", "match_method");
        Disputes = new CsvWriter(P("disputes"), gzip, "dispute_id", "dispute_kind", "document_id", "customer_id", "category",
            "amount", "currency_code", "opened_date", "assigned_date", "resolved_date", "outcome", "recovered_amount", "owner");
        Promises = new CsvWriter(P("promises_to_pay"), gzip, "promise_id", "customer_id", "document_id", "promise_date",
            "promised_pay_date", "promised_amount", "currency_code", "collector");
        Activities = new CsvWriter(P("collection_activities"), gzip, "activity_id", "customer_id", "document_id", "activity_date",
            "activity_type", "outcome", "collector");
        WriteOffs = new CsvWriter(P("write_offs"), gzip, "write_off_id", "document_id", "write_off_date", "amount", "reason");
        FxRates = new CsvWriter(P("fx_rates"), gzip, "rate_date", "from_currency", "to_currency", "rate");
        Holidays = new CsvWriter(P("holidays"), gzip, "holiday_date", "holiday_name");
        KpiTargets = new CsvWriter(P("kpi_targets"), gzip, "kpi_id", "effective_from", "target_value", "tolerance");
        ServiceEvents = new CsvWriter(P("service_events"), gzip, "event_id", "kind", "start_date", "end_date", "team", "note");
        CollectionStrategies = new CsvWriter(P("collection_strategies"), gzip, "strategy_id", "score_band", "channel", "first_contact_days",
            "cadence_days", "call_after_days", "description");
        Pilots = new CsvWriter(P("pilots"), gzip, "pilot_id", "strategy_id", "start_date", "pilot_share", "seed", "score_bands",
            "pre_months", "post_months", "description");
        var truth = Directory.CreateDirectory(Path.Combine(folder, "_truth")).FullName;
        TruthProfiles = new CsvWriter(Path.Combine(truth, "customer_profiles.csv"), false, "customer_id", "behaviour",
            "deterioration_start", "batch_payer", "dispute_rate");
        TruthReceipts = new CsvWriter(Path.Combine(truth, "receipt_documents.csv" + (gzip ? ".gz" : "")), gzip, "receipt_id", "document_id", "amount");
        TruthPilot = new CsvWriter(Path.Combine(truth, "pilot_customers.csv"), false, "pilot_id", "customer_id", "effect_from", "effect_days",
            "days_to_pay_numerator_without", "days_to_pay_denominator_without");
    }

    public CsvWriter Customers { get; }
    /// <summary>The bank feed payments reach the product by from its start; none: every receipt comes from the ERP.</summary>
    public SampleBankFeed? BankFeed { get; }
    public CsvWriter Documents { get; }
    /// <summary>documents-opening: invoices issued before the first month and open on the opening balance date.</summary>
    public CsvWriter OpeningDocuments => _openingDocuments ?? throw new InvalidOperationException("no opening items asked for");
    private readonly CsvWriter? _openingDocuments;
    public CsvWriter Receipts { get; }
    public CsvWriter Applications { get; }
    public CsvWriter Disputes { get; }
    public CsvWriter Promises { get; }
    public CsvWriter Activities { get; }
    public CsvWriter WriteOffs { get; }
    public CsvWriter FxRates { get; }
    public CsvWriter Holidays { get; }
    public CsvWriter KpiTargets { get; }
    /// <summary>System outages and staffing gaps (SampleOperations).</summary>
    public CsvWriter ServiceEvents { get; }
    public CsvWriter CollectionStrategies { get; }
    public CsvWriter Pilots { get; }
    public CsvWriter TruthProfiles { get; }
    /// <summary>
    /// The customers the sample's pilot strategy worked on, and how: every payment of their invoices issued from
    /// effect_from came effect_days sooner; with the pilot's days to pay over its months measured as they would have
    /// been without it (amount x days, amount), from which the true effect follows.
    /// </summary>
    public CsvWriter TruthPilot { get; }
    /// <summary>Which documents each receipt really paid, whether or not the cash was ever applied: the truth cash matching is scored against.</summary>
    public CsvWriter TruthReceipts { get; }

    public IEnumerable<(string Entity, long Rows)> Counts =>
    [
        ("customers", Customers.Rows), ("documents", Documents.Rows), ("documents-opening", _openingDocuments?.Rows ?? 0), ("receipts", Receipts.Rows),
        ("applications", Applications.Rows), ("disputes", Disputes.Rows), ("promises_to_pay", Promises.Rows),
        ("collection_activities", Activities.Rows), ("write_offs", WriteOffs.Rows), ("fx_rates", FxRates.Rows),
        ("holidays", Holidays.Rows), ("kpi_targets", KpiTargets.Rows), ("service_events", ServiceEvents.Rows),
        ("collection_strategies", CollectionStrategies.Rows), ("pilots", Pilots.Rows), ("customer_payers", BankFeed?.PayerRows ?? 0),
    ];

    public void Dispose()
    {
        foreach (var f in new[] { Customers, Documents, _openingDocuments, Receipts, Applications, Disputes, Promises, Activities, WriteOffs, FxRates, Holidays, KpiTargets, ServiceEvents, CollectionStrategies, Pilots, TruthProfiles, TruthReceipts, TruthPilot })
            f?.Dispose();
        BankFeed?.Close();
    }
}
