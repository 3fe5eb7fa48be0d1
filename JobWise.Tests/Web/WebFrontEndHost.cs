using JobWise.Tests.Infrastructure;
using Microsoft.Playwright;

namespace JobWise.Tests.Web;

/// <summary>
/// The whole system behind a browser: the API and the web front end as real processes on the shared PostgreSQL,
/// Redis and renderer, local-disk storage, and the machine's Chromium driven by Playwright (nothing downloaded).
/// </summary>
public class WebFrontEndHost(PostgresServer postgres, RedisServer redis, RendererServer renderer) : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly TemporaryDirectory _storage = new("web-storage");
    private ApiServerProcess? _api;
    private WebServerProcess? _web;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    public string Url => _web?.Url ?? throw new InvalidOperationException("Not started.");

    public string ApiUrl => _api?.Url ?? throw new InvalidOperationException("Not started.");

    public string ServerOutput => _web?.Output ?? "";

    /// <summary>API settings over the unthrottled test defaults (a host about limits lowers them here).</summary>
    protected virtual IReadOnlyDictionary<string, string> ApiSettings => new Dictionary<string, string>();

    /// <summary>Web front end settings over the test defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string> WebSettings => new Dictionary<string, string>();

    public async ValueTask InitializeAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var settings = ApiServerProcess.Settings(await postgres.CreateDatabaseAsync("web"), redis.ConnectionString, _storage.Path);
        settings["Renderer:Url"] = renderer.Url;
        foreach (var (key, value) in ApiSettings)
        {
            settings[key] = value;
        }
        _api = await ApiServerProcess.StartAsync(settings);
        _web = await WebServerProcess.StartAsync(_api.Url, redis.ConnectionString, WebSettings);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true });
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_web is not null)
        {
            await _web.DisposeAsync();
        }
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }
        _storage.Dispose();
    }
}
