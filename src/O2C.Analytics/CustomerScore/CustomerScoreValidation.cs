using O2C.Analytics.Storage;

namespace O2C.Analytics.CustomerScore;

/// <summary>One month end's (or, with no month end, all of them together) ranking of what happened next.</summary>
public sealed record ScoreRanking(DateOnly? MonthEnd, long CustomerMonths, long Delinquent, double? Auc)
{
    public double? Gini => Auc is { } auc ? 2 * auc - 1 : null;
    public double DelinquentShare => CustomerMonths == 0 ? 0 : (double)Delinquent / CustomerMonths;
}

/// <summary>A score band's customer-months and their delinquency in the 3 months after.</summary>
public sealed record ScoreBandOutcome(string Band, long CustomerMonths, int LowestScore, int HighestScore, long Delinquent)
{
    public double DelinquentShare => CustomerMonths == 0 ? 0 : (double)Delinquent / CustomerMonths;
}

/// <summary>
/// The customer score judged against what happened next: its AUC for a 90-day-forward delinquency by month end, and
/// the delinquency of each band (sql/reports/customer_score_validation.sql, customer_score_bands.sql).
/// </summary>
public static class CustomerScoreValidation
{
    /// <summary>The delinquency the score is validated against: an item more than 30 days past due.</summary>
    public const int DelinquentAfterDays = 30;

    public static IReadOnlyList<ScoreRanking> Rankings(Warehouse warehouse, SqlFolder sql, int overDays = DelinquentAfterDays) =>
        warehouse.Query(sql.Read("reports", "customer_score_validation.sql"), r => new ScoreRanking(
            r.IsDBNull(0) ? null : r.GetFieldValue<DateOnly>(0), r.GetInt64(1), r.GetInt64(2),
            r.IsDBNull(3) ? null : r.GetDouble(3)), ("over_days", overDays));

    public static IReadOnlyList<ScoreBandOutcome> Bands(Warehouse warehouse, SqlFolder sql, int overDays = DelinquentAfterDays) =>
        warehouse.Query(sql.Read("reports", "customer_score_bands.sql"), r => new ScoreBandOutcome(
            r.GetString(0), r.GetInt64(1), r.GetInt32(2), r.GetInt32(3), r.GetInt64(4)), ("over_days", overDays));
}

/// <summary>A score band at one month end: its customers, their AR and past-due AR, and the band's delinquency before.</summary>
public sealed record ScoreBandAtMonth(string Band, long Customers, decimal ArRc, decimal PastDueArRc, double? EarlierDelinquentShare)
{
    public static IReadOnlyList<ScoreBandAtMonth> Read(Warehouse warehouse, SqlFolder sql, DateOnly monthEnd) =>
        warehouse.Query(sql.Read("reports", "customer_score_month.sql"), r => new ScoreBandAtMonth(
            r.GetString(0), r.GetInt64(1), r.IsDBNull(2) ? 0 : r.GetDecimal(2), r.IsDBNull(3) ? 0 : r.GetDecimal(3),
            r.IsDBNull(4) ? null : r.GetDouble(4)), ("month_end", monthEnd));
}
