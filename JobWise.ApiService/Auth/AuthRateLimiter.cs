using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace JobWise.ApiService.Auth;

/// <summary>
/// Limits sign-in and registration attempts per client address and per account, so that neither one machine nor
/// many machines aimed at one account can guess passwords quickly. In memory: each API replica counts its own.
/// </summary>
public sealed class AuthRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public AuthRateLimiter(IOptions<AuthOptions> options)
    {
        var settings = options.Value.RateLimit;
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ =>
            new FixedWindowRateLimiterOptions { PermitLimit = settings.PermitLimit, Window = settings.Window, QueueLimit = 0 }));
    }

    /// <summary>Null when the attempt may go ahead, else how long the caller should wait.</summary>
    public TimeSpan? TryAcquire(string? clientAddress, string normalizedEmail)
    {
        foreach (var key in new[] { $"client:{clientAddress ?? "unknown"}", $"account:{normalizedEmail}" })
        {
            using var lease = _limiter.AttemptAcquire(key);
            if (!lease.IsAcquired)
            {
                return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(60);
            }
        }
        return null;
    }

    public void Dispose() => _limiter.Dispose();
}
