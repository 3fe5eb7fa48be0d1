using System.Threading.RateLimiting;
using RedisRateLimiting;

namespace JobWise.ApiService.Http;

public static class RetryAfter
{
    /// <summary>How long a refused caller should wait, as the lease tells (in-memory and Redis limiters name it differently).</summary>
    public static TimeSpan Of(RateLimitLease lease, TimeSpan otherwise)
    {
        if (lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero)
        {
            return retryAfter;
        }
        if (lease.TryGetMetadata(RateLimitMetadataName.RetryAfter, out var seconds) && seconds > 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }
        return otherwise;
    }
}
