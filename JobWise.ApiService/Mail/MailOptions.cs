using System.ComponentModel.DataAnnotations;
using JobWise.ApiService.Infrastructure.WorkQueue;
using JobWise.ApiService.Validation;
using MailKit.Security;

namespace JobWise.ApiService.Mail;

/// <summary>
/// The SMTP server mail goes out through, and the queue it waits in. Without <see cref="Host"/> mail is off: nothing is
/// queued or sent (start-up says so), and the rest of the settings are not required.
/// </summary>
public sealed class MailOptions() : QueueOptions(
    pollInterval: TimeSpan.FromSeconds(1), claimLease: TimeSpan.FromMinutes(2), retryBackoff: TimeSpan.FromSeconds(5), maxRetryBackoff: TimeSpan.FromMinutes(10)),
    IValidatableObject
{
    public const string SectionName = "Mail";

    public string Host { get; set; } = "";

    [Range(1, 65535)]
    public int Port { get; set; } = 25;

    /// <summary>How the connection is secured: <c>Auto</c> (STARTTLS when offered), <c>None</c>, <c>StartTls</c>, <c>SslOnConnect</c>.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    /// <summary>Sign-in at the SMTP server; empty: none.</summary>
    public string UserName { get; set; } = "";

    public string Password { get; set; } = "";

    /// <summary>The sender address.</summary>
    public string From { get; set; } = "";

    public string FromName { get; set; } = "JobWise";

    /// <summary>The web front end's public URL; links in mail lead to its pages (<c>/reset-password</c>, <c>/verify-email</c>).</summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>Time limit of one conversation with the SMTP server.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts before a mail is given up (logged as an error): with the defaults, about two days of trying.</summary>
    [Range(1, 10_000)]
    public int MaxAttempts { get; set; } = 300;

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }
        if (!EmailAddress.IsValid(From))
        {
            yield return new ValidationResult("Mail:From must be an email address (name@example.com) when Mail:Host is set.", [nameof(From)]);
        }
        if (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps))
        {
            yield return new ValidationResult(
                "Mail:PublicBaseUrl must be the web front end's absolute http(s) URL when Mail:Host is set (links in mail lead there).",
                [nameof(PublicBaseUrl)]);
        }
        if (RetryBackoff > MaxRetryBackoff)
        {
            yield return new ValidationResult("Mail:RetryBackoff must not be longer than Mail:MaxRetryBackoff.", [nameof(RetryBackoff)]);
        }
    }
}
