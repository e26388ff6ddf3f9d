using O2C.Analytics.Mail;

namespace O2C.Analytics.Reports.MonthlyPack;

/// <summary>One pack that left: whose scope, for whom, and where it went (an SMTP server or the outbox).</summary>
public sealed record PackDelivery(PackScope Scope, IReadOnlyList<string> Recipients, DeliveryResult Result);
