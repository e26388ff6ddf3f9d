using O2C.Analytics.Storage;
namespace O2C.Analytics.Predict;

/// <summary>Reads invoices with their features as fct_invoice_payment_features defines them.</summary>
public static class PaymentDataset
{
    /// <summary>Invoices paid by cash before the as-of date: what a model may learn from on that date.</summary>
    /// <param name="mostRecent">Only this many of the most recent ones (by invoice date), read in date order.</param>
    public static List<PaymentRow> Settled(Warehouse warehouse, DateOnly asOf, int? mostRecent = null)
    {
        // The invoices asked about, in a scratch table.
        warehouse.Execute($"""
            CREATE OR REPLACE TEMP TABLE _settled_invoices AS
            SELECT s.document_id FROM int_document_settlement s
            WHERE s.document_type = 'invoice' AND s.settled_by_cash AND s.settled_date < $asof
            {(mostRecent is { } n ? $"ORDER BY s.document_date DESC, s.document_id DESC LIMIT {n}" : "")}
            """, ("asof", asOf));
        var rows = Read(warehouse, FeaturesOf("SELECT document_id FROM _settled_invoices"),
            "days_to_pay IS NOT NULL AND settled_date < $asof", asOf, withOutcome: true);
        warehouse.Execute("DROP TABLE _settled_invoices");
        return rows;
    }

    /// <summary>
    /// What a model trained on the morning of <paramref name="asOf"/> may learn from: invoices paid by cash before
    /// it (so issued before it too). The only training set the backtest and the scoring runs use.
    /// </summary>
    public static List<PaymentRow> KnownOn(Warehouse warehouse, DateOnly asOf) =>
        PaymentModelTrainer.KnownBefore(Settled(warehouse, asOf), asOf);

    /// <summary>Invoices issued before the as-of date and still open on its morning, with their open amount.</summary>
    public static List<PaymentRow> Open(Warehouse warehouse, DateOnly asOf)
    {
        // Balance events dated before the as-of date; converted at the latest rate known the evening before (as the
        // cash forecast values them). Kept in a
        // scratch table so only the open invoices' features are read.
        warehouse.Execute("""
            CREATE OR REPLACE TEMP TABLE _open_invoices AS
            WITH balances AS (
                SELECT document_id, sum(delta) AS open_amount, CAST($asof AS DATE) AS as_of
                FROM int_document_balance_events WHERE event_date < $asof GROUP BY 1
            )
            SELECT b.document_id, round(b.open_amount * r.rate, 2) AS open_amount_rc
            FROM balances b JOIN stg_documents d USING (document_id)
            ASOF LEFT JOIN stg_fx_rates_to_reporting r ON r.currency_code = d.currency_code AND b.as_of > r.rate_date
            WHERE b.open_amount > 0 AND d.document_type = 'invoice'
            """, ("asof", asOf));
        var open = warehouse.Query("SELECT document_id, open_amount_rc FROM _open_invoices",
                r => (Id: r.GetString(0), Amount: r.IsDBNull(1) ? 0m : r.GetDecimal(1)))
            .ToDictionary(x => x.Id, x => x.Amount);
        var rows = Read(warehouse, FeaturesOf("SELECT document_id FROM _open_invoices"), "document_date < $asof", asOf, withOutcome: false);
        warehouse.Execute("DROP TABLE _open_invoices");
        return rows
            .Select(r => r with { OpenAmountRc = open[r.DocumentId] })
            .ToList();
    }

    /// <summary>What happened to every invoice by the end of the data: days to pay and days late when cash settled it (for backtests only).</summary>
    public static Dictionary<string, (float? DaysToPay, float? DaysLate, DateOnly DueDate)> Outcomes(Warehouse warehouse) =>
        warehouse.Query("SELECT document_id, CAST(days_to_pay AS DOUBLE), CAST(days_late AS DOUBLE), due_date FROM fct_invoice_payment_features",
                r => (Id: r.GetString(0), DaysToPay: r.IsDBNull(1) ? (float?)null : (float)r.GetDouble(1), DaysLate: r.IsDBNull(2) ? (float?)null : (float)r.GetDouble(2),
                    Due: r.GetFieldValue<DateOnly>(3)))
            .ToDictionary(x => x.Id, x => (x.DaysToPay, x.DaysLate, x.Due));

    /// <summary>
    /// fct_invoice_payment_features for only the invoices <paramref name="asked"/> selects (a query of document_id): the
    /// features are stored by the refresh (int_invoice_features_at_issue), so reading them costs a join, not the
    /// customers' histories.
    /// </summary>
    private static string FeaturesOf(string asked) => $"(SELECT * FROM fct_invoice_payment_features WHERE document_id IN ({asked}))";

    /// <param name="features">FeaturesOf the invoices asked about: which rows come back is decided there.</param>
    private static List<PaymentRow> Read(Warehouse warehouse, string features, string where, DateOnly asOf, bool withOutcome) =>
        warehouse.Query($"""
            SELECT document_id, customer_id, document_date,
                   {string.Join(", ", PaymentFeatures.Numeric.Select(c => $"CAST(coalesce({c}, 0) AS DOUBLE)"))},
                   {string.Join(", ", PaymentFeatures.Categorical.Select(c => $"coalesce(CAST({c} AS VARCHAR), 'unknown')"))},
                   CAST(days_to_pay AS DOUBLE), CAST(days_late AS DOUBLE)
            FROM {features}
            WHERE {where}
            ORDER BY document_date, document_id
            """, r =>
        {
            // Plain loops: this runs for every paid invoice a model learns from (a million at scale).
            var i = 3;
            var numeric = new float[PaymentFeatures.Numeric.Count];
            for (var c = 0; c < numeric.Length; c++) numeric[c] = (float)r.GetDouble(i++);
            var categorical = new string[PaymentFeatures.Categorical.Count];
            for (var c = 0; c < categorical.Length; c++) categorical[c] = r.GetString(i++);
            float? daysToPay = withOutcome && !r.IsDBNull(i) ? (float)r.GetDouble(i) : null;
            float? daysLate = withOutcome && !r.IsDBNull(i + 1) ? (float)r.GetDouble(i + 1) : null;
            return new PaymentRow(r.GetString(0), r.GetString(1), r.GetFieldValue<DateOnly>(2), numeric, categorical, daysToPay, daysLate);
        }, ("asof", asOf));
}
