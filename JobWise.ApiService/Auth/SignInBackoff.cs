using JobWise.ApiService.RateLimiting;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace JobWise.ApiService.Auth;

/// <summary>
/// Counts an account's recent failed sign-ins (in Redis, shared by the replicas; in memory while Redis is down) and
/// tells how long its next sign-in waits. A wait, never a refusal: the owner always gets in with the right password.
/// </summary>
public sealed class SignInBackoff(RedisAvailability redis, IOptions<SignInBackoffOptions> options, IOptions<RateLimitOptions> limits) : IDisposable
{
    // Bounded, so that failures at made-up emails cannot grow the fallback without end.
    private readonly MemoryCache _local = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    public async Task<TimeSpan> DelayForAsync(string normalizedEmail)
    {
        var failures = await UseRedisOrLocalAsync(
            async database => (long?)await database.StringGetAsync(Key(normalizedEmail)) ?? 0,
            () => _local.TryGetValue<Counter>(normalizedEmail, out var counter) ? counter!.Value : 0);
        return options.Value.DelayAfter(failures);
    }

    public Task RecordFailureAsync(string normalizedEmail)
    {
        var window = options.Value.FailureWindow;
        return UseRedisOrLocalAsync(
            async database =>
            {
                var key = Key(normalizedEmail);
                var failures = await database.StringIncrementAsync(key);
                await database.KeyExpireAsync(key, window);
                return failures;
            },
            () => _local.GetOrCreate(normalizedEmail, entry =>
            {
                entry.Size = 1;
                entry.SlidingExpiration = window;
                return new Counter();
            })!.Increment());
    }

    public Task ClearAsync(string normalizedEmail) => UseRedisOrLocalAsync(
        async database => await database.KeyDeleteAsync(Key(normalizedEmail)) ? 1 : 0,
        () =>
        {
            _local.Remove(normalizedEmail);
            return 0;
        });

    private async Task<long> UseRedisOrLocalAsync(Func<IDatabase, Task<long>> shared, Func<long> local)
    {
        if (redis.IsUsable)
        {
            try
            {
                return await shared(redis.Connection.GetDatabase());
            }
            catch (Exception exception) when (RedisAvailability.IsRedisFailure(exception))
            {
                redis.MarkDown(exception);
            }
        }
        return local();
    }

    private string Key(string normalizedEmail) => $"{limits.Value.RedisKeyPrefix}signin:failures:{AuthRateLimiter.AccountKey(normalizedEmail)}";

    public void Dispose() => _local.Dispose();

    private sealed class Counter
    {
        private long _value;

        public long Value => Interlocked.Read(ref _value);

        public long Increment() => Interlocked.Increment(ref _value);
    }
}
