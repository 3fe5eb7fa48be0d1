using System.Net;
using JobWise.Tests.Infrastructure;
using Npgsql;

namespace JobWise.Tests.ScaleOut;

/// <summary>
/// JobWise as it runs in production, shrunk onto loopback: two API processes and two renderer processes against one
/// PostgreSQL, one Redis and one S3 (Swift), behind a reverse proxy that is the only public address. The APIs trust the
/// proxy's address for forwarded headers, find both renderers through service discovery, and sign presigned URLs for
/// the proxy, which passes <c>/{bucket}/…</c> to S3. Tests that mean to break a process use it last, or own one.
/// Other tests may use it through <see cref="ClientFrom"/>, e.g. to show a limit held across replicas.
/// </summary>
public sealed class ScaleOutCluster(PostgresServer postgres, RedisServer redis) : IAsyncLifetime
{
    public const string Bucket = "jobwise-scale-out";
    public const int LoginPermitLimit = 5;

    private readonly TemporaryDirectory _storage = new("storage");
    private ReverseProxyServer? _proxy;

    public SwiftS3Server S3 { get; } = new();

    /// <summary>Both renderers log every request they serve, so a test can count where renders went.</summary>
    public IReadOnlyList<RendererServer> Renderers { get; } = Enumerable.Range(0, 2).Select(_ => new RendererServer
    {
        ExtraEnvironment = new Dictionary<string, string> { ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information" },
    }).ToList();

    /// <summary>The API replicas; the first never makes ATS reports itself (it is "always busy"), the second does.</summary>
    public IReadOnlyList<ApiServerProcess> Apis { get; private set; } = [];

    public string ConnectionString { get; private set; } = "";

    public string ProxyUrl => _proxy?.Url ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync()
    {
        await Task.WhenAll(S3.InitializeAsync().AsTask(), Renderers[0].InitializeAsync().AsTask(), Renderers[1].InitializeAsync().AsTask());
        ConnectionString = await postgres.CreateDatabaseAsync("scale");
        var proxyPort = FreePort.Next();
        var publicUrl = $"http://127.0.0.1:{proxyPort}";

        var settings = ApiServerProcess.Settings(ConnectionString, redis.ConnectionString, _storage.Path);
        settings["Auth:RateLimit:PermitLimit"] = LoginPermitLimit.ToString();
        settings["Auth:RateLimit:AddressPermitLimit"] = LoginPermitLimit.ToString();
        settings["ForwardedHeaders:KnownProxies"] = LoopbackClient.Proxy.ToString();
        settings["Renderer:Url"] = "http://renderer";
        settings["services:renderer:http:0"] = Renderers[0].Url;
        settings["services:renderer:http:1"] = Renderers[1].Url;
        settings["Storage:Provider"] = "s3";
        settings["Storage:S3:ServiceUrl"] = S3.ServiceUrl;
        settings["Storage:S3:PublicServiceUrl"] = publicUrl;
        settings["Storage:S3:AccessKey"] = S3.AccessKey;
        settings["Storage:S3:SecretKey"] = S3.SecretKey;
        settings["Storage:S3:Region"] = S3.Region;
        settings["Storage:S3:Bucket"] = Bucket;
        // A report taken by a replica that then dies goes back to the queue after this.
        settings["Ats:ClaimLease"] = "00:00:05";
        settings["Database:MigrateOnStartup"] = "false";

        var migration = await ApiServerProcess.MigrateAsync(settings);
        Assert.True(migration.ExitCode == 0, migration.Output);
        var busy = new Dictionary<string, string>(settings) { ["Ats:QuietPeriod"] = "1.00:00:00" };
        Apis = await Task.WhenAll(ApiServerProcess.StartAsync(busy), ApiServerProcess.StartAsync(settings));
        _proxy = await ReverseProxyServer.StartAsync(Apis.Select(api => api.Url), S3.ServiceUrl, Bucket, proxyPort);
    }

    /// <summary>A client of the public address, connecting from <paramref name="address"/> (a new one when not given).</summary>
    public HttpClient ClientFrom(IPAddress? address = null) => LoopbackClient.From(address ?? LoopbackClient.NewClientAddress(), ProxyUrl);

    /// <summary>Kills a replica at once and takes it out of the proxy's rotation, as a failed health check would.</summary>
    public async Task KillApiAsync(ApiServerProcess api)
    {
        await api.KillAsync();
        _proxy?.Remove(api.Url);
    }

    public async Task<T?> QueryAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        var result = await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
        return result is null or DBNull ? default : (T)result;
    }

    public async ValueTask DisposeAsync()
    {
        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
        }
        foreach (var api in Apis)
        {
            await api.DisposeAsync();
        }
        foreach (var renderer in Renderers)
        {
            await renderer.DisposeAsync();
        }
        await S3.DisposeAsync();
        _storage.Dispose();
    }
}
