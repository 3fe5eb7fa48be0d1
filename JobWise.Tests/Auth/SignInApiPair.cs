using System.Net;
using JobWise.Tests.Infrastructure;

namespace JobWise.Tests.Auth;

/// <summary>
/// Two API processes (real Kestrel) on one database and one Redis, with low sign-in limits. Clients connect from
/// distinct loopback addresses, so each test acts as several machines without forwarded headers.
/// </summary>
public sealed class SignInApiPair(PostgresServer postgres, RedisServer redis) : IAsyncLifetime
{
    public const int AttemptsPerAddressAndAccount = 3;
    public const int AttemptsPerAddress = 6;
    public static readonly TimeSpan MaximumBackoff = TimeSpan.FromSeconds(2);

    private readonly List<ApiServerProcess> _processes = [];
    private readonly TemporaryDirectory _storage = new("signin-storage");

    public ApiServerProcess First => _processes[0];

    public ApiServerProcess Second => _processes[1];

    public async ValueTask InitializeAsync()
    {
        var settings = new Dictionary<string, string>(
            ApiServerProcess.Settings(await postgres.CreateDatabaseAsync("signin"), redis.ConnectionString, _storage.Path))
        {
            ["Auth:RateLimit:PermitLimit"] = AttemptsPerAddressAndAccount.ToString(),
            ["Auth:RateLimit:AddressPermitLimit"] = AttemptsPerAddress.ToString(),
            ["Auth:RateLimit:Window"] = "00:05:00",
            ["Auth:Backoff:BaseDelay"] = "00:00:00.100",
            ["Auth:Backoff:MaxDelay"] = MaximumBackoff.ToString(),
        };
        // The first applies the migrations; the second starts on a ready schema.
        _processes.Add(await ApiServerProcess.StartAsync(settings));
        _processes.Add(await ApiServerProcess.StartAsync(settings));
    }

    /// <summary>A client of <paramref name="process"/> that connects from a loopback address of its own.</summary>
    public static HttpClient ClientFrom(ApiServerProcess process, IPAddress? address = null) =>
        LoopbackClient.From(address ?? LoopbackClient.NewClientAddress(), process.Url);

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }
        _storage.Dispose();
    }
}
