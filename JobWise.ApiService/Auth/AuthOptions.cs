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

    public AuthRateLimitOptions RateLimit { get; set; } = new();
}

/// <summary>Sign-in and registration attempts allowed per client address and per account in each window.</summary>
public sealed class AuthRateLimitOptions
{
    [Range(1, 100_000)]
    public int PermitLimit { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
