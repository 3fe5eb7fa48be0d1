using JobWise.ApiService.RateLimiting;

namespace JobWise.Tests.Auth;

/// <summary>
/// Which exceptions of a Redis call send the rate limits to this replica's memory. Seen in the container deployment:
/// right after it came up, StackExchange.Redis re-established its connection and cancelled a sign-up's rate-limit
/// script with a TaskCanceledException nobody asked for, which was a 500.
/// </summary>
public sealed class RedisFailureTests
{
    [Fact]
    public void A_command_cancelled_by_the_connection_is_a_redis_failure_one_cancelled_by_its_caller_is_not()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.True(RedisAvailability.IsRedisFailure(new TaskCanceledException(), CancellationToken.None));
        Assert.False(RedisAvailability.IsRedisFailure(new TaskCanceledException(), cancelled.Token));
        Assert.False(RedisAvailability.IsRedisFailure(new InvalidOperationException(), CancellationToken.None));
    }
}
