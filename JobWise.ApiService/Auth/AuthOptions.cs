using System.ComponentModel.DataAnnotations;

namespace JobWise.ApiService.Auth;

public sealed class AuthOptions
{
    public const string SectionName = "Auth";
    public const int MinimumSigningKeyBytes = 32;

    /// <summary>HMAC-SHA256 key for access tokens; at least 32 bytes. Required outside Development.</summary>
    public string SigningKey { get; set; } = "";

    [Required]
    public string Issuer { get; set; } = "jobwise";

    [Required]
    public string Audience { get; set; } = "jobwise-api";

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(60);

    [Range(typeof(TimeSpan), "00:05:00", "365.00:00:00")]
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>bcrypt cost: each step doubles the time a hash takes.</summary>
    [Range(4, 16)]
    public int PasswordWorkFactor { get; set; } = 11;

    /// <summary>
    /// How long a replica trusts the security stamp it last read for a user. A change made on this replica applies at
    /// once; on another replica within this long.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan SecurityStampCacheDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a password-reset link works (once).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PasswordResetTokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long an email-verification link works (once).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan EmailVerificationTokenLifetime { get; set; } = TimeSpan.FromDays(3);
}

/// <summary>
/// Requests that send mail (password reset, verification again) allowed per account — so that no one can flood an
/// owner's inbox — and per client address, in each window. Keyed by the address typed, so an address without an account
/// is limited exactly like one with.
/// </summary>
public sealed class AccountMailRateLimitOptions
{
    public const string SectionName = "Auth:MailRateLimit";

    [Range(1, 1_000_000)]
    public int AccountPermitLimit { get; set; } = 3;

    [Range(1, 1_000_000)]
    public int AddressPermitLimit { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// Sign-in attempts allowed per (client address, account) and per client address in each window. An account
/// alone is never limited, so that strangers cannot lock its owner out; it is only slowed (<see cref="SignInBackoffOptions"/>).
/// </summary>
public sealed class AuthRateLimitOptions
{
    public const string SectionName = "Auth:RateLimit";

    /// <summary>Sign-in attempts from one client address at one account.</summary>
    [Range(1, 1_000_000)]
    public int PermitLimit { get; set; } = 10;

    /// <summary>Sign-in and registration attempts from one client address, whatever the account.</summary>
    [Range(1, 1_000_000)]
    public int AddressPermitLimit { get; set; } = 30;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Each failed sign-in doubles the wait before the account's next sign-in is checked, up to
/// <see cref="MaxDelay"/>; the count starts again after a success or once <see cref="FailureWindow"/> passes quietly.
/// </summary>
public sealed class SignInBackoffOptions
{
    public const string SectionName = "Auth:Backoff";

    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    [Range(typeof(TimeSpan), "00:00:00", "00:00:30")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan DelayAfter(long failures)
    {
        if (failures <= 0)
        {
            return TimeSpan.Zero;
        }
        // 2^20 × the base is far past any cap; stopping there keeps the arithmetic in range.
        var doubled = BaseDelay * Math.Pow(2, Math.Min(failures - 1, 20));
        return doubled < MaxDelay ? doubled : MaxDelay;
    }
}
