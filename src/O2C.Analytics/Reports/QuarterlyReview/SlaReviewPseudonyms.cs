using O2C.Analytics.Privacy;

namespace O2C.Analytics.Reports.QuarterlyReview;

/// <summary>The SLA review as it may leave the company: customers and collectors replaced by stable pseudonyms.</summary>
public static class SlaReviewPseudonyms
{
    public static SlaReview Apply(Pseudonymiser pseudonyms, SlaReview review) => review with
    {
        ByOwner = pseudonyms.Apply(review.ByOwner),
        ByCustomer = pseudonyms.Apply(review.ByCustomer),
        RepeatOffenders = pseudonyms.Apply(review.RepeatOffenders),
        Breaches = pseudonyms.Apply(review.Breaches),
    };
}
