using System.Threading.RateLimiting;
using JobWise.ApiService.Auth;
using JobWise.ApiService.Diagnostics;
using JobWise.ApiService.Http;
using JobWise.ApiService.Validation;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using RedisRateLimiting.AspNetCore;

namespace JobWise.ApiService.RateLimiting;

/// <summary>
/// The per-user limit of the endpoints that render or analyse (exports, generations, ATS reports): at most a few
/// of one user's requests at once, and a token bucket over time, both shared by the replicas through Redis.
/// </summary>
public sealed class ExpensiveWorkRateLimit(SharedRateLimiters limiters, IOptions<ExpensiveWorkLimitOptions> options) : IRateLimiterPolicy<string>
{
    public const string PolicyName = "expensive-work";

    // Rejections are answered by the limiter's common OnRejected (a problem response with Retry-After).
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => null;

    public RateLimitPartition<string> GetPartition(HttpContext context)
    {
        // Only signed-in requests reach here: the endpoints require authorization, which runs first.
        var userId = context.User.GetUserId().ToString("N");
        return RateLimitPartition.Get(userId, user =>
        {
            var settings = options.Value;
            // Concurrency first: a request refused for being one too many then spends no token.
            return RateLimiter.CreateChained(
                limiters.Concurrency($"work:concurrent:{user}", settings.ConcurrentRequests),
                limiters.TokenBucket($"work:rate:{user}", settings.TokenLimit, settings.TokensPerPeriod, settings.ReplenishmentPeriod));
        });
    }

    public static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        context.RequestServices.GetRequiredService<ApiMetrics>().RateLimited(PolicyName);
        // The library's X-RateLimit-* headers, where the lease carries them.
        await RateLimitMetadata.OnRejected(context, rejected.Lease, cancellationToken);
        var settings = context.RequestServices.GetRequiredService<IOptions<ExpensiveWorkLimitOptions>>().Value;
        var retryAfter = RetryAfter.Of(rejected.Lease, settings.RetryAfterWhenBusy);
        await Problems.RetryLater(context, StatusCodes.Status429TooManyRequests,
            "Too many requests of this kind from this account; try again later.", retryAfter).ExecuteAsync(context);
    }
}
