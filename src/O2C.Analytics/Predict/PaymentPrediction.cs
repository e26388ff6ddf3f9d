namespace O2C.Analytics.Predict;

/// <summary>One invoice's prediction: days to pay from its date, probability of paying late and more than N days late.</summary>
public readonly record struct PaymentPrediction(float DaysToPay, float ProbabilityLate, float ProbabilityLateN);
