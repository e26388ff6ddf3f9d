namespace O2C.Analytics.Mail;

/// <summary>
/// Where and how reports are mailed. Bound from configuration (o2c.json "Mail" section or O2C_Mail__ environment
/// variables). The SMTP password is deliberately not a setting: it is read only from the environment variable
/// <see cref="PasswordVariable"/>, so it never sits in a file in the repository.
/// </summary>
public sealed class MailSettings
{
    public const string PasswordVariable = "O2C_SMTP_PASSWORD";

    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    /// <summary>auto (STARTTLS when the server offers it), always (STARTTLS required), tls (implicit TLS, port 465), none.</summary>
    public string StartTls { get; set; } = "always";
    public string? SmtpUser { get; set; }
    public string From { get; set; } = "o2c-analytics@localhost";
    public string[] PackRecipients { get; set; } = [];
    public string[] SlaRecipients { get; set; } = [];
    public string[] OperationsRecipients { get; set; } = [];

    /// <summary>
    /// Packs scoped to one member of a reporting dimension, each for its own recipients: {"Scope": "region=EMEA",
    /// "Recipients": ["emea-lead@example.com"]}. Each gets the pack computed for that member only.
    /// </summary>
    public PackSubscription[] ScopedPacks { get; set; } = [];

    /// <summary>Where readers find the analyst workbook (a share or folder), named in the mail; it is not attached unless <see cref="AttachDataWorkbook"/>.</summary>
    public string? DataWorkbookLocation { get; set; }
    public bool AttachDataWorkbook { get; set; }

    /// <summary>Customer names, account ids and collector names in mailed reports become stable pseudonyms (Privacy).</summary>
    public bool Pseudonymise { get; set; }

    public bool HasSmtp => !string.IsNullOrWhiteSpace(SmtpHost);

    public static string? Password() => Environment.GetEnvironmentVariable(PasswordVariable);

    /// <summary>The password when a user is configured (null without one); a user without the variable fails, before anything is sent.</summary>
    public string? RequiredPassword() => string.IsNullOrEmpty(SmtpUser) ? null
        : Password() ?? throw new InvalidOperationException($"SMTP user {SmtpUser} is configured but {PasswordVariable} is not set");
}
