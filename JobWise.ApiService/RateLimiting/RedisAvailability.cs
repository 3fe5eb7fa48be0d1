using StackExchange.Redis;

namespace JobWise.ApiService.RateLimiting;

/// <summary>
/// Whether the shared limits can use Redis right now. Limits fall back to each replica's memory while it cannot,
/// and the change is logged once each way, so that an operator sees when limits stopped being shared.
/// </summary>
public sealed class RedisAvailability(IConnectionMultiplexer redis, ILogger<RedisAvailability> logger)
{
    private int _down;

    public IConnectionMultiplexer Connection => redis;

    public bool IsUsable
    {
        get
        {
            if (!redis.IsConnected)
            {
                MarkDown(null);
                return false;
            }
            if (Interlocked.Exchange(ref _down, 0) == 1)
            {
                logger.LogWarning("Redis is reachable again: rate limits are shared between replicas again.");
            }
            return true;
        }
    }

    /// <summary>Called when a Redis call of a limiter failed although the connection looked up.</summary>
    public void MarkDown(Exception? exception)
    {
        if (Interlocked.Exchange(ref _down, 1) == 0)
        {
            logger.LogWarning(exception,
                "Redis is not reachable: rate limits are enforced in this replica's memory until it returns.");
        }
    }

    /// <summary>
    /// Whether a Redis call failed because of Redis. StackExchange.Redis also cancels the commands it has in flight
    /// when it drops or re-establishes its connection (a <see cref="TaskCanceledException"/> nobody asked for, seen
    /// right after a deployment came up): that is Redis failing too, unless <paramref name="cancellationToken"/> (the
    /// caller's own) was cancelled.
    /// </summary>
    public static bool IsRedisFailure(Exception exception, CancellationToken cancellationToken = default) =>
        exception is RedisException or RedisTimeoutException
        || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);
}
