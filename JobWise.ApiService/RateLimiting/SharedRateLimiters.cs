using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using RedisRateLimiting;

namespace JobWise.ApiService.RateLimiting;

/// <summary>
/// Makes limiters that are shared by every API replica through Redis (RedisRateLimiting) and fall back to an
/// equivalent limiter in this process's memory while Redis is down. One limiter per partition key.
/// </summary>
public sealed class SharedRateLimiters(RedisAvailability redis, IOptions<RateLimitOptions> options)
{
    public RateLimiter FixedWindow(string key, int permitLimit, TimeSpan window) => new FailoverRateLimiter(
        new RedisFixedWindowRateLimiter<string>(RedisKey(key), new RedisFixedWindowRateLimiterOptions
        {
            ConnectionMultiplexerFactory = () => redis.Connection,
            PermitLimit = permitLimit,
            Window = window,
        }),
        new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions { PermitLimit = permitLimit, Window = window, QueueLimit = 0 }),
        redis);

    public RateLimiter TokenBucket(string key, int tokenLimit, int tokensPerPeriod, TimeSpan replenishmentPeriod) => new FailoverRateLimiter(
        new RedisTokenBucketRateLimiter<string>(RedisKey(key), new RedisTokenBucketRateLimiterOptions
        {
            ConnectionMultiplexerFactory = () => redis.Connection,
            TokenLimit = tokenLimit,
            TokensPerPeriod = tokensPerPeriod,
            ReplenishmentPeriod = replenishmentPeriod,
        }),
        new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = tokenLimit,
            TokensPerPeriod = tokensPerPeriod,
            ReplenishmentPeriod = replenishmentPeriod,
            QueueLimit = 0,
        }),
        redis);

    public RateLimiter Concurrency(string key, int permitLimit) => new FailoverRateLimiter(
        new RedisConcurrencyRateLimiter<string>(RedisKey(key), new RedisConcurrencyRateLimiterOptions
        {
            ConnectionMultiplexerFactory = () => redis.Connection,
            PermitLimit = permitLimit,
            QueueLimit = 0,
        }),
        new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = permitLimit, QueueLimit = 0 }),
        redis);

    private string RedisKey(string key) => options.Value.RedisKeyPrefix + key;
}
