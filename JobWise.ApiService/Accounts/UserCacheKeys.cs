using StackExchange.Redis;

namespace JobWise.ApiService.Accounts;

/// <summary>
/// Finds and removes every Redis key that belongs to a user: cached download links and per-user work limits name the
/// user's id, sign-in limits and counters the account's email digest. The limiter library puts its own prefix in front
/// of our keys (<c>rl:tb:{…}</c>), so keys are matched by the id anywhere in them; an id is a random GUID, so nothing
/// else matches. SCAN walks the keyspace in pages and never blocks Redis the way KEYS would. Failures are thrown.
/// </summary>
public sealed class UserCacheKeys(IConnectionMultiplexer redis)
{
    private const int PageSize = 500;

    public async Task ForgetAllAsync(Guid userId, string? accountKey, CancellationToken cancellationToken)
    {
        await ForgetMatchingAsync(KeyPatterns(userId, accountKey), cancellationToken);
    }

    private static IEnumerable<string> KeyPatterns(Guid userId, string? accountKey) =>
        accountKey is null ? [$"*{userId:N}*"] : [$"*{userId:N}*", $"*{accountKey}*"];

    private async Task ForgetMatchingAsync(IEnumerable<string> patterns, CancellationToken cancellationToken)
    {
        var database = redis.GetDatabase();
        var page = new List<RedisKey>(PageSize);
        await foreach (var key in MatchingAsync(patterns, cancellationToken))
        {
            page.Add(key);
            if (page.Count == PageSize)
            {
                await database.KeyDeleteAsync(page.ToArray());
                page.Clear();
            }
        }
        if (page.Count > 0)
        {
            await database.KeyDeleteAsync(page.ToArray());
        }
    }

    private async IAsyncEnumerable<RedisKey> MatchingAsync(
        IEnumerable<string> patterns, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var database = redis.GetDatabase();
        var primaries = redis.GetServers().Where(server => !server.IsReplica).ToList();
        if (primaries.Count == 0 || primaries.Any(server => !server.IsConnected))
        {
            // Skipping a server would leave its keys behind and call the deletion done.
            throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, "Redis is not reachable.");
        }
        foreach (var server in primaries)
        {
            foreach (var pattern in patterns)
            {
                await foreach (var key in server.KeysAsync(database.Database, pattern, PageSize).WithCancellation(cancellationToken))
                {
                    yield return key;
                }
            }
        }
    }
}
