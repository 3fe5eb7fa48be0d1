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

    /// <summary>A Redis of the test class's own, when it means to stop it.</summary>
    protected virtual string? CacheConnectionString => null;

    /// <summary>Services a test class adds or replaces (e.g. a telemetry exporter), after the API's own.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public virtual async ValueTask InitializeAsync()
    {
        var connectionString = ConnectionString = await postgres.CreateDatabaseAsync("api");
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:jobwise"] = connectionString,
            ["ConnectionStrings:cache"] = CacheConnectionString ?? redis.ConnectionString,
            ["Auth:SigningKey"] = SigningKey,
            // The cheapest bcrypt cost: the tests hash many passwords and are not about hashing speed.
            ["Auth:PasswordWorkFactor"] = "4",
            ["Storage:Provider"] = "local",
            ["Storage:Local:Root"] = _storage.Path,
            ["Storage:Local:SigningKey"] = "jobwise-tests-storage-key-0123456789abcdef",
            ["Renderer:Url"] = "http://127.0.0.1:9",
        };
        foreach (var (key, value) in UnthrottledLimits.Settings())
        {
            settings[key] = value;
        }
        foreach (var (key, value) in ExtraSettings)
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
        _storage.Dispose();
        GC.SuppressFinalize(this);
    }
}
