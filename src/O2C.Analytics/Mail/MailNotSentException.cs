namespace O2C.Analytics.Mail;

/// <summary>
/// The mail server could not be reached, refused us or the message: nothing was sent, and trying later may work.
/// Raised only around the SMTP conversation, so an IOException elsewhere (a file) is never taken for a mail outage.
/// </summary>
public sealed class MailNotSentException(string message, Exception inner) : Exception(message, inner);
