namespace O2C.Analytics.Predict;

/// <summary>
/// Held-out metrics of a model and of the naive baseline (the customer's median days to pay so far, its share of late
/// payments for the classifier) on the same invoices. TestWindowUnpaid: invoices issued in the test window but not paid by cash by the as-of
/// date, which no paid-invoice figure sees. Calibration: the late classifier's
/// test invoices in ten bins of predicted probability, each with its mean prediction and the share actually late.
/// </summary>
public sealed record PaymentModelMetrics(
    int TrainRows,
    int TestRows,
    DateOnly SplitDate,
    double ModelMae,
    double ModelRmse,
    double BaselineMae,
    double BaselineRmse,
    double ModelAuc,
    double BaselineAuc,
    double LateShareTest,
    double BrierScore,
    double BaselineBrierScore,
    IReadOnlyList<(double MeanPredicted, double ObservedShare, int Count)> Calibration,
    long TestWindowUnpaid = 0)
{
    public double MaeGain => BaselineMae == 0 ? 0 : 1 - ModelMae / BaselineMae;
}
