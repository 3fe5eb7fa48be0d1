using JobWise.ApiService;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JobWise.Tests.Infrastructure;

/// <summary>
/// The API service in-process (its real pipeline: auth, validation, EF Core) on a database of its own in the shared
/// PostgreSQL, with the shared Redis and local-disk storage in a temporary folder. One per test class.
/// </summary>
public class ApiHost(PostgresServer postgres, RedisServer redis) : IAsyncLifetime
{
    public const string SigningKey = "jobwise-tests-signing-key-0123456789abcdef";
    public const string Issuer = "jobwise";
    public const string Audience = "jobwise-api";

    private readonly TemporaryDirectory _storage = new("storage");
    private WebApplicationFactory<ApiServiceMarker>? _factory;

    public WebApplicationFactory<ApiServiceMarker> Factory => _factory ?? throw new InvalidOperationException("Not started.");

    /// <summary>The local-disk storage folder (with the local provider).</summary>
    public string StorageRoot => _storage.Path;

    /// <summary>This host's own database.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>Settings a test class may override (e.g. a low rate limit).</summary>
    protected virtual IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>();

    /// <summary>
    /// Servers of the test class's own (e.g. a Redis or an S3 it stops), started before the API and stopped after it, each
    /// with the settings that point the API at it once it runs.
    /// </summary>
    protected virtual IReadOnlyList<OwnServer> OwnServers => [];

    /// <summary>Services a test class adds or replaces (e.g. a telemetry exporter), after the API's own.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public virtual async ValueTask InitializeAsync()
    {
        foreach (var own in OwnServers)
        {
            await own.Server.InitializeAsync();
        }
        var settings = ApiServerProcess.Settings(ConnectionString = await postgres.CreateDatabaseAsync("api"), redis.ConnectionString, _storage.Path);
        foreach (var (key, value) in OwnServers.SelectMany(own => own.ApiSettings()).Concat(ExtraSettings))
        {
            settings[key] = value;
        }
        _factory = new WebApplicationFactory<ApiServiceMarker>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.ConfigureServices(ConfigureServices);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        });
        // Starts the host, which applies the migrations.
        using var client = _factory.CreateClient();
    }

    public HttpClient CreateClient() => Factory.CreateClient();

    public virtual async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        foreach (var own in OwnServers.Reverse())
        {
            await own.Server.DisposeAsync();
        }
        _storage.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>A server an <see cref="ApiHost"/> starts for itself, and the API settings that name it once it runs.</summary>
public sealed record OwnServer(IAsyncLifetime Server, Func<IReadOnlyDictionary<string, string>> ApiSettings);
