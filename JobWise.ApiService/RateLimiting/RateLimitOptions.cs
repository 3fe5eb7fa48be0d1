using System.ComponentModel.DataAnnotations;

namespace JobWise.ApiService.RateLimiting;

/// <summary>Where shared limits live, and the per-user limits of the endpoints that render or analyse.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Prefix of every rate-limit key in Redis, so deployments (or test hosts) sharing one Redis keep apart.</summary>
    [Required]
    public string RedisKeyPrefix { get; set; } = "jobwise:";
}

/// <summary>
/// Per-user limits of exports, generations and ATS reports: a few at once (so that one account cannot fill the
/// renderer's queue) and a token bucket for the rate over time.
/// </summary>
public sealed class ExpensiveWorkLimitOptions
{
    public const string SectionName = "RateLimits:ExpensiveWork";

    /// <summary>Requests of one user in progress at the same time.</summary>
    [Range(1, 10_000)]
    public int ConcurrentRequests { get; set; } = 4;

    /// <summary>Burst: requests one user may make at once after a quiet spell.</summary>
    [Range(1, 1_000_000)]
    public int TokenLimit { get; set; } = 30;

    [Range(1, 1_000_000)]
    public int TokensPerPeriod { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Retry-After when the user already has <see cref="ConcurrentRequests"/> in progress.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RetryAfterWhenBusy { get; set; } = TimeSpan.FromSeconds(2);
}
