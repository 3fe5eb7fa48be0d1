using System.Net.Http.Headers;
using JobWise.Tests.Infrastructure;

namespace JobWise.Tests.Auth;

/// <summary>
/// One API process (real Kestrel, so a request is limited as soon as its headers arrive) with a Redis of its own
/// that tests stop and start, and low limits: 3 sign-in attempts per address and account, 1 expensive request of a
/// user at a time and 3 per hour.
/// </summary>
public sealed class OwnRedisApiProcess(PostgresServer postgres) : IAsyncLifetime
{
    public const int SignInAttempts = 3;
    public const int WorkTokens = 3;
    public static readonly TimeSpan RetryAfterWhenBusy = TimeSpan.FromSeconds(3);

    private readonly TemporaryDirectory _storage = new("own-redis-storage");
    private ApiServerProcess? _api;

    public RedisServer Redis { get; } = new();

    public ApiServerProcess Api => _api ?? throw new InvalidOperationException("Not started.");

    public string KeyPrefix { get; } = $"jobwise-tests:{Guid.NewGuid():N}:";

    public async ValueTask InitializeAsync()
    {
        await Redis.InitializeAsync();
        _api = await ApiServerProcess.StartAsync(new Dictionary<string, string>(
            ApiServerProcess.Settings(await postgres.CreateDatabaseAsync("ownredis"), Redis.ConnectionString, _storage.Path))
        {
            ["RateLimits:RedisKeyPrefix"] = KeyPrefix,
            ["Auth:RateLimit:AddressPermitLimit"] = "30",
            ["Auth:RateLimit:PermitLimit"] = SignInAttempts.ToString(),
            ["Auth:RateLimit:Window"] = "00:05:00",
            ["RateLimits:ExpensiveWork:ConcurrentRequests"] = "1",
            ["RateLimits:ExpensiveWork:TokenLimit"] = WorkTokens.ToString(),
            ["RateLimits:ExpensiveWork:TokensPerPeriod"] = "1",
            ["RateLimits:ExpensiveWork:ReplenishmentPeriod"] = "01:00:00",
            ["RateLimits:ExpensiveWork:RetryAfterWhenBusy"] = RetryAfterWhenBusy.ToString(),
        });
    }

    /// <summary>A new user's id, with a client (from an address of its own) that sends their access token.</summary>
    public async Task<(HttpClient Client, Guid Id)> RegisterAsync()
    {
        var client = LoopbackClient.From(LoopbackClient.NewClientAddress(), Api.Url);
        using var response = await client.PostJsonAsync("/api/v1/auth/register",
            new { email = $"user-{Guid.NewGuid():N}@example.com", password = "correct horse battery", full_name = "Jordan Rivera" });
        var body = await response.ReadJsonAsync();
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body["access_token"]!.GetValue<string>());
        return (client, Guid.Parse(body["user"]!["id"]!.GetValue<string>()));
    }

    public async ValueTask DisposeAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }
        await Redis.DisposeAsync();
        _storage.Dispose();
    }
}
