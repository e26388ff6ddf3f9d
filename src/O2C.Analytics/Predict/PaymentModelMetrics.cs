namespace O2C.Analytics.Predict;

/// <summary>
/// Held-out metrics of a model and of the naive baseline (the customer's median days to pay so far, its share of late
/// payments for the classifier) on the same invoices. Calibration: the late classifier's
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
    IReadOnlyList<(double MeanPredicted, double ObservedShare, int Count)> Calibration)
{
    public double MaeGain => BaselineMae == 0 ? 0 : 1 - ModelMae / BaselineMae;
}
