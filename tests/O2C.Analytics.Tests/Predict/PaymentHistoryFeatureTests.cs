using O2C.Analytics.Tests.Support;

namespace O2C.Analytics.Tests.Predict;

/// <summary>
/// int_invoice_features_at_issue computes a customer's history in ordered passes (window frames over a stream
/// of invoice dates and facts), because joining each invoice to all of its customer's earlier invoices grows with
/// the square of a customer's invoices (one customer with 30,000 invoices: 20 s against 2 s). The join is the
/// plain definition, so it is the reference here: on every invoice of the bundled sample the two agree exactly.
/// </summary>
[Collection(SamplePackCollection.Name)]
public sealed class PaymentHistoryFeatureTests(SamplePackFixture run)
{
    private const string Columns = """
        document_id, hist_count, hist_mean_days_to_pay, hist_median_days_to_pay, hist_mean_days_late, hist_share_late,
        amount_ratio, hist_trend_days_late, disputes_before, promises_before, open_before, overdue_before,
        hist_channel_count, channel_median_gap, hist_channel_share_late
        """;

    // For each invoice: the customer's invoices settled by cash strictly before its date; disputes opened and
    // promises made before it; its invoices issued before it and not settled before it (open), those of them
    // already due before it (overdue); the settled ones sent by the same channel. No history: counts 0, means and
    // shares NULL, trend 0, amount ratio 1, channel gap 0.
    private const string Direct = """
        WITH invoices AS (
            SELECT s.document_id, s.customer_id, s.document_date, s.due_date, s.amount, s.settled_date, s.settled_by_cash,
                   coalesce(d.delivery_channel, 'unknown') AS channel
            FROM int_document_settlement s JOIN stg_documents d USING (document_id)
            WHERE d.document_type = 'invoice'
        ),
        history AS (
            SELECT i.document_id, i.amount,
                   count(h.document_id) AS hist_count,
                   avg(h.settled_date - h.document_date) AS hist_mean_days_to_pay,
                   quantile_cont(h.settled_date - h.document_date, 0.5) AS hist_median_days_to_pay,
                   avg(greatest(0, h.settled_date - h.due_date)) FILTER (WHERE h.document_id IS NOT NULL) AS hist_mean_days_late,
                   avg(CASE WHEN h.settled_date > h.due_date THEN 1.0 ELSE 0.0 END) FILTER (WHERE h.document_id IS NOT NULL) AS hist_share_late,
                   avg(h.amount) AS hist_mean_amount,
                   coalesce(avg(CASE WHEN h.settled_date >= i.document_date - 90 THEN h.settled_date - h.due_date END)
                          - avg(CASE WHEN h.settled_date < i.document_date - 90 THEN h.settled_date - h.due_date END), 0) AS hist_trend_days_late,
                   (SELECT count(*) FROM stg_disputes p WHERE p.customer_id = i.customer_id AND p.opened_date < i.document_date) AS disputes_before,
                   (SELECT count(*) FROM stg_promises_to_pay p WHERE p.customer_id = i.customer_id AND p.promise_date < i.document_date) AS promises_before,
                   (SELECT count(*) FROM invoices o WHERE o.customer_id = i.customer_id AND o.document_date < i.document_date
                        AND (o.settled_date IS NULL OR o.settled_date >= i.document_date)) AS open_before,
                   (SELECT count(*) FROM invoices o WHERE o.customer_id = i.customer_id AND o.due_date < i.document_date
                        AND (o.settled_date IS NULL OR o.settled_date >= i.document_date)) AS overdue_before,
                   count(h.document_id) FILTER (WHERE h.channel = i.channel) AS hist_channel_count,
                   quantile_cont(h.settled_date - h.document_date, 0.5) FILTER (WHERE h.channel = i.channel) AS hist_channel_median_days_to_pay,
                   avg(CASE WHEN h.settled_date > h.due_date THEN 1.0 ELSE 0.0 END) FILTER (WHERE h.channel = i.channel) AS hist_channel_share_late
            FROM invoices i
            LEFT JOIN invoices h ON h.customer_id = i.customer_id AND h.settled_by_cash AND h.settled_date < i.document_date
            GROUP BY i.document_id, i.amount, i.customer_id, i.document_date, i.channel
        )
        SELECT document_id, hist_count, hist_mean_days_to_pay, hist_median_days_to_pay, hist_mean_days_late, hist_share_late,
               CASE WHEN hist_mean_amount > 0 THEN amount / hist_mean_amount ELSE 1 END AS amount_ratio,
               hist_trend_days_late, disputes_before, promises_before, open_before, overdue_before,
               hist_channel_count, coalesce(hist_channel_median_days_to_pay - hist_median_days_to_pay, 0) AS channel_median_gap,
               hist_channel_share_late
        FROM history
        """;

    [Fact]
    public void History_features_equal_their_direct_definition_on_every_invoice_of_the_sample()
    {
        using var w = run.OpenWarehouse();
        var view = $"SELECT {Columns} FROM fct_invoice_payment_features";
        Assert.Equal(0, w.Scalar<long>($"SELECT count(*) FROM ({view} EXCEPT ALL SELECT * FROM ({Direct}))"));
        Assert.Equal(0, w.Scalar<long>($"SELECT count(*) FROM (SELECT * FROM ({Direct}) EXCEPT ALL {view})"));

        // Not vacuous: every invoice compared, and the sample exercises every feature.
        var (invoices, withHistory, withTrend, withDisputes, withPromises, withoutHistory) = w.Query($"""
            SELECT count(*), count(*) FILTER (WHERE hist_count > 0), count(*) FILTER (WHERE hist_trend_days_late <> 0 AND overdue_before > 0),
                   count(*) FILTER (WHERE disputes_before > 0), count(*) FILTER (WHERE promises_before > 0 AND open_before > 0),
                   count(*) FILTER (WHERE hist_count = 0 AND hist_share_late IS NULL AND hist_mean_days_late IS NULL AND amount_ratio = 1)
            FROM ({view})
            """, r => (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5))).Single();
        Assert.Equal(w.Scalar<long>("SELECT count(*) FROM stg_documents WHERE document_type = 'invoice'"), invoices);
        Assert.Equal(invoices, withHistory + withoutHistory);
        Assert.All(new[] { withHistory, withTrend, withDisputes, withPromises, withoutHistory }, n => Assert.InRange(n, 1, invoices - 1));
        // Both ways to the history are compared: customers with at most 32 invoices asked about are joined to their
        // facts, the others read in ordered passes (int_invoice_features_at_issue).
        var (customers, joined) = w.Query("""
            SELECT count(*), count(*) FILTER (WHERE n <= 32)
            FROM (SELECT customer_id, count(*) AS n FROM stg_documents WHERE document_type = 'invoice' GROUP BY customer_id)
            """, r => (r.GetInt64(0), r.GetInt64(1))).Single();
        Assert.InRange(joined, 1, customers - 1);
    }

    /// <summary>
    /// Scoring and training read the features' own SQL with the questions narrowed to the invoices they need (the open
    /// ones; the most recent paid ones): each row must be the view's row for that invoice, feature for feature.
    /// </summary>
    [Fact]
    public void Features_read_for_the_open_or_the_most_recent_paid_invoices_alone_are_the_views_rows()
    {
        using var w = run.OpenWarehouse();
        var asOf = w.Scalar<DateOnly>("SELECT max(month_end) + 1 FROM int_month_ends");
        var open = O2C.Analytics.Predict.PaymentDataset.Open(w, asOf);
        var recent = O2C.Analytics.Predict.PaymentDataset.Settled(w, asOf, mostRecent: 500);
        Assert.InRange(open.Count, 100, 100_000);
        Assert.Equal(500, recent.Count);

        foreach (var rows in new[] { open, recent })
        {
            var ids = string.Join(", ", rows.Select(r => $"'{r.DocumentId}'"));
            var fromView = w.Query($"""
                SELECT document_id, {string.Join(", ", O2C.Analytics.Predict.PaymentFeatures.Numeric.Select(c => $"CAST(coalesce({c}, 0) AS DOUBLE)"))},
                       {string.Join(", ", O2C.Analytics.Predict.PaymentFeatures.Categorical.Select(c => $"coalesce(CAST({c} AS VARCHAR), 'unknown')"))}
                FROM fct_invoice_payment_features WHERE document_id IN ({ids}) ORDER BY document_date, document_id
                """, r => string.Join("|", Enumerable.Range(0, r.FieldCount).Select(i => i == 0 || i > O2C.Analytics.Predict.PaymentFeatures.Numeric.Count
                    ? r.GetString(i) : ((float)r.GetDouble(i)).ToString("R", System.Globalization.CultureInfo.InvariantCulture))));
            var read = rows.Select(r => string.Join("|", new[] { r.DocumentId }
                .Concat(r.Numeric.Select(x => x.ToString("R", System.Globalization.CultureInfo.InvariantCulture))).Concat(r.Categorical)));
            Assert.Equal(fromView, read);
        }
        // Not vacuous: the open invoices have histories (their customers paid before).
        Assert.Contains(open, r => r.Feature("hist_count") > 0);
    }
}
