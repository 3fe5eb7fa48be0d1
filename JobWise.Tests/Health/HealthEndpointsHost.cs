using JobWise.Tests.Infrastructure;

namespace JobWise.Tests.Health;

/// <summary>
/// A renderer of its own with one slot and a short queue (so a few slow renders fill it), and an API process on real Kestrel
/// that uses it, shows health details to 127.0.0.1 only and runs its checks on every probe (no report cache, so that each probe
/// really reaches the database, Redis, the storage and the renderer; the renderer keeps the default cache).
/// </summary>
public sealed class HealthEndpointsHost(PostgresServer postgres, RedisServer redis) : IAsyncLifetime
{
    public const int RendererQueueLength = 4;

    private readonly TemporaryDirectory _storage = new("health-storage");
    private ApiServerProcess? _api;

    public RendererServer Renderer { get; } = new()
    {
        ExtraEnvironment = new Dictionary<string, string>
        {
            ["Renderer__Slots"] = "1",
            ["Renderer__QueueLength"] = RendererQueueLength.ToString(),
            ["Renderer__MaxPages"] = "200",
        },
    };

    public ApiServerProcess Api => _api ?? throw new InvalidOperationException("Not started.");

    public string StorageRoot => _storage.Path;

    public async ValueTask InitializeAsync()
    {
        await Renderer.InitializeAsync();
        var settings = ApiServerProcess.Settings(await postgres.CreateDatabaseAsync("health"), redis.ConnectionString, _storage.Path);
        settings["Database:MigrateOnStartup"] = "true";
        settings["Renderer:Url"] = Renderer.Url;
        settings["Health:DetailsAllowedNetworks:0"] = "127.0.0.1/32";
        settings["Health:CacheDuration"] = "00:00:00";
        _api = await ApiServerProcess.StartAsync(settings, "/health/ready");
    }

    public async ValueTask DisposeAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }
        await Renderer.DisposeAsync();
        _storage.Dispose();
    }
}
