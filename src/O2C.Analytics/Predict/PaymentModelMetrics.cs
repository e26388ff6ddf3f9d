namespace O2C.Analytics.Predict;

/// <summary>Held-out metrics of a model and of the naive baseline on the same invoices.</summary>
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
    double LateShareTest)
{
    public double MaeGain => BaselineMae == 0 ? 0 : 1 - ModelMae / BaselineMae;
}
