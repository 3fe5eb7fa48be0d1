using System.Threading.RateLimiting;

namespace JobWise.ApiService.RateLimiting;

/// <summary>
/// One partition's limit, kept in Redis (shared by every replica) while Redis answers and in this process's memory
/// while it does not. Only the asynchronous path does work: the synchronous attempt would block a thread on Redis,
/// so it declines and ASP.NET Core's rate limiter (like our own callers) goes on to <c>AcquireAsync</c>.
/// </summary>
public sealed class FailoverRateLimiter(RateLimiter shared, RateLimiter local, RedisAvailability redis) : RateLimiter
{
    private static readonly RateLimitLease NotAttempted = new DeclinedLease();
    private readonly RedisAvailability _redis = redis;
    private int _sharedLeasesHeld;

    // Idle partitions are disposed by their owner; not while a Redis lease (a concurrency permit) is still to be released.
    public override TimeSpan? IdleDuration => Volatile.Read(ref _sharedLeasesHeld) > 0 ? null : local.IdleDuration;

    public override RateLimiterStatistics? GetStatistics() => local.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => NotAttempted;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        if (_redis.IsUsable)
        {
            try
            {
                var lease = await shared.AcquireAsync(permitCount, cancellationToken);
                if (!lease.IsAcquired)
                {
                    return lease;
                }
                Interlocked.Increment(ref _sharedLeasesHeld);
                return new SharedLease(lease, this);
            }
            catch (Exception exception) when (RedisAvailability.IsRedisFailure(exception, cancellationToken))
            {
                _redis.MarkDown(exception);
            }
        }
        return await local.AcquireAsync(permitCount, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            shared.Dispose();
            local.Dispose();
        }
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await shared.DisposeAsync();
        await local.DisposeAsync();
    }

    /// <summary>A Redis lease whose release (a concurrency permit) must not fail the request when Redis has gone.</summary>
    private sealed class SharedLease(RateLimitLease inner, FailoverRateLimiter owner) : RateLimitLease
    {
        private int _disposed;

        public override bool IsAcquired => inner.IsAcquired;

        public override IEnumerable<string> MetadataNames => inner.MetadataNames;

        public override bool TryGetMetadata(string metadataName, out object? metadata) => inner.TryGetMetadata(metadataName, out metadata);

        protected override void Dispose(bool disposing)
        {
            if (!disposing || Interlocked.Exchange(ref _disposed, 1) == 1)
            {
                return;
            }
            try
            {
                inner.Dispose();
            }
            catch (Exception exception) when (RedisAvailability.IsRedisFailure(exception))
            {
                // The library's concurrency permits expire in Redis on their own.
                owner._redis.MarkDown(exception);
            }
            finally
            {
                Interlocked.Decrement(ref owner._sharedLeasesHeld);
            }
        }
    }

    private sealed class DeclinedLease : RateLimitLease
    {
        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
