using System.Net;
using System.Net.Http.Headers;
using System.Text;
using JobWise.Tests.Infrastructure;
using StackExchange.Redis;

namespace JobWise.Tests.Auth;

public sealed class LimitsWithoutRedisTests(OwnRedisApiProcess host) : IClassFixture<OwnRedisApiProcess>
{
    [Fact]
    public async Task With_redis_stopped_limits_hold_in_memory_with_a_warning_and_are_shared_again_once_it_returns()
    {
        var (user, _) = await host.RegisterAsync();
        await host.Redis.StopAsync();
        try
        {
            using var guesser = LoopbackClient.From(LoopbackClient.NewClientAddress(), host.Api.Url);
            var signIns = new List<HttpStatusCode>();
            for (var attempt = 0; attempt <= OwnRedisApiProcess.SignInAttempts; attempt++)
            {
                using var response = await guesser.PostJsonAsync("/api/v1/auth/login", new { email = "nobody@example.com", password = "a wrong guess" });
                signIns.Add(response.StatusCode);
            }
            Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, OwnRedisApiProcess.SignInAttempts), HttpStatusCode.TooManyRequests], signIns);

            var work = new List<HttpStatusCode>();
            for (var request = 0; request <= OwnRedisApiProcess.WorkTokens; request++)
            {
                using var response = await user.PostJsonAsync("/api/v1/generations", new { });
                work.Add(response.StatusCode);
            }
            Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Created, OwnRedisApiProcess.WorkTokens), HttpStatusCode.TooManyRequests], work);
            Assert.Contains("rate limits are enforced in this replica's memory", host.Api.Output);
        }
        finally
        {
            await host.Redis.StartAsync();
        }

        // Once the connection is back, attempts are counted in Redis again.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!host.Api.Output.Contains("rate limits are shared between replicas again") && DateTime.UtcNow < deadline)
        {
            using var client = LoopbackClient.From(LoopbackClient.NewClientAddress(), host.Api.Url);
            using var response = await client.PostJsonAsync("/api/v1/auth/login", new { email = "nobody@example.com", password = "a wrong guess" });
            Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode}");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
        Assert.Contains("rate limits are shared between replicas again", host.Api.Output);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(host.Redis.ConnectionString);
        var keys = redis.GetServer(redis.GetEndPoints()[0]).Keys(pattern: $"*{host.KeyPrefix}*").ToList();
        Assert.NotEmpty(keys);
    }

    [Fact]
    public async Task A_second_request_while_the_users_first_is_in_progress_gets_429_and_the_permit_returns_after()
    {
        var (user, userId) = await host.RegisterAsync();
        var (other, _) = await host.RegisterAsync();
        var gate = new TaskCompletionSource();
        // The body's last byte comes only when the gate opens: until then the first request holds the user's permit.
        var first = user.PostAsync("/api/v1/generations", new GatedJsonContent("{}", gate.Task), TestContext.Current.CancellationToken);
        await WaitForPermitsInRedisAsync(userId, held: true);

        var busy = await user.PostJsonAsync("/api/v1/generations", new { });
        using (busy)
        {
            await ExpensiveWorkLimitTests.AssertTooManyAsync(busy, OwnRedisApiProcess.RetryAfterWhenBusy);
            Assert.Equal(OwnRedisApiProcess.RetryAfterWhenBusy, busy.Headers.RetryAfter!.Delta);
        }
        using var otherUser = await other.PostJsonAsync("/api/v1/generations", new { });
        Assert.Equal(HttpStatusCode.Created, otherUser.StatusCode);
        Assert.False(first.IsCompleted);

        gate.SetResult();
        using var firstDone = await first;
        Assert.Equal(HttpStatusCode.Created, firstDone.StatusCode);
        // The permit goes back as the request's pipeline ends, which may be just after the client has the response.
        await WaitForPermitsInRedisAsync(userId, held: false);
        using var after = await user.PostJsonAsync("/api/v1/generations", new { });
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
    }

    /// <summary>Waits until Redis records the user's concurrency permit as held, or as returned (a sorted set of held permits).</summary>
    private async Task WaitForPermitsInRedisAsync(Guid userId, bool held)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(host.Redis.ConnectionString);
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        var database = redis.GetDatabase();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            long permits = 0;
            foreach (var key in server.Keys(pattern: $"*{host.KeyPrefix}work:concurrent:{userId:N}*"))
            {
                if (await database.KeyTypeAsync(key) == RedisType.SortedSet)
                {
                    permits += await database.SortedSetLengthAsync(key);
                }
            }
            if (permits > 0 == held)
            {
                return;
            }
            Assert.True(DateTime.UtcNow < deadline, held ? "the first request never took its permit" : "the permit was never returned");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>A JSON body whose last byte is sent only once the gate opens.</summary>
    private sealed class GatedJsonContent : HttpContent
    {
        private readonly byte[] _json;
        private readonly Task _gate;

        public GatedJsonContent(string json, Task gate)
        {
            _json = Encoding.UTF8.GetBytes(json);
            _gate = gate;
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(_json.AsMemory(0, _json.Length - 1));
            await stream.FlushAsync();
            await _gate;
            await stream.WriteAsync(_json.AsMemory(_json.Length - 1));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
