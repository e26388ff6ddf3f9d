using O2C.Analytics.Storage;

namespace O2C.Analytics.CustomerScore;

/// <summary>One factor's part in a customer's score: its value, the scorecard bin it fell in, its points and the most it can earn.</summary>
public sealed record FactorPoints(ScoreFactor Factor, double? Value, string Bin, int Points, int MostPoints);

/// <summary>A customer's score at a month end, and why: the points of every factor, adding up to the score.</summary>
public sealed record CustomerScoreExplanation(string CustomerId, DateOnly MonthEnd, int Score, string Band, IReadOnlyList<FactorPoints> Factors)
{
    /// <summary>The customer's stored score and its factors' bins and points, or null when it has no score at that month end.</summary>
    public static CustomerScoreExplanation? Read(Warehouse warehouse, string customerId, DateOnly monthEnd)
    {
        var most = warehouse.Query("SELECT factor, max(points) FROM int_customer_scorecard GROUP BY ALL", r => (r.GetString(0), r.GetInt32(1)))
            .ToDictionary(p => p.Item1, p => p.Item2);
        var columns = string.Join(", ", ScoreFactor.All.Select(f => $"f.{f.Column}::DOUBLE, s.{f.ScorePrefix}_bin, s.{f.ScorePrefix}_points"));
        var rows = warehouse.Query($"""
            SELECT s.score, s.score_band, {columns}
            FROM fct_customer_score_monthly s JOIN fct_customer_score_factors f USING (month_end, customer_id)
            WHERE s.customer_id = $customer AND s.month_end = $month_end AND s.score IS NOT NULL
            """, r => new CustomerScoreExplanation(customerId, monthEnd, r.GetInt32(0), r.GetString(1),
                ScoreFactor.All.Select((f, i) => new FactorPoints(f, r.IsDBNull(2 + 3 * i) ? null : r.GetDouble(2 + 3 * i),
                    r.GetString(3 + 3 * i), r.GetInt32(4 + 3 * i), most[f.Column])).ToList()),
            ("customer", customerId), ("month_end", monthEnd));
        return rows.SingleOrDefault();
    }
}
