using JobWise.Tests.Infrastructure;

namespace JobWise.Tests.ScaleOut;

/// <summary>
/// One API process with local-disk storage that trusts <see cref="LoopbackClient.Proxy"/> for forwarded headers, and
/// whose service discovery names two renderers: one that is not listening, and the real one.
/// </summary>
public sealed class ProxiedApiProcess(PostgresServer postgres, RedisServer redis, RendererServer renderer) : IAsyncLifetime
{
    public const int LoginPermitLimit = 6;

    private readonly TemporaryDirectory _storage = new("storage");
    private ApiServerProcess? _api;

    public string Url => _api?.Url ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync()
    {
        var settings = ApiServerProcess.Settings(await postgres.CreateDatabaseAsync("proxied"), redis.ConnectionString, _storage.Path);
        settings["Database:MigrateOnStartup"] = "true";
        settings["Auth:RateLimit:PermitLimit"] = LoginPermitLimit.ToString();
        settings["Auth:RateLimit:AddressPermitLimit"] = LoginPermitLimit.ToString();
        settings["ForwardedHeaders:KnownProxies"] = LoopbackClient.Proxy.ToString();
        settings["Renderer:Url"] = "http://renderer";
        settings["services:renderer:http:0"] = $"http://127.0.0.1:{FreePort.Next()}";
        settings["services:renderer:http:1"] = renderer.Url;
        _api = await ApiServerProcess.StartAsync(settings);
    }

    public async ValueTask DisposeAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }
        _storage.Dispose();
    }
}
