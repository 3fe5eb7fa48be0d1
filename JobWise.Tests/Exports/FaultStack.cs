using JobWise.ApiService;
using JobWise.ApiService.Exports;
using JobWise.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JobWise.Tests.Exports;

/// <summary>
/// The whole export path as real processes, each of this fixture's own so that a test may stop and kill them:
/// PostgreSQL, Redis, Swift's S3, the renderer with its Chromium, and the API on Kestrel with S3 storage.
/// </summary>
public sealed class FaultStack : IAsyncLifetime
{
    public const string Bucket = "jobwise-fault-exports";

    /// <summary>How long the API waits for one render; a client's deadline is this plus a margin.</summary>
    public static readonly TimeSpan RenderTimeout = TimeSpan.FromSeconds(15);

    private ApiServerProcess? _api;

    public PostgresServer Postgres { get; } = new();

    public RedisServer Redis { get; } = new();

    public SwiftS3Server S3 { get; } = new();

    public RendererServer Renderer { get; } = new();

    public ApiServerProcess Api => _api ?? throw new InvalidOperationException("Not started.");

    public string ConnectionString { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        await Task.WhenAll(Postgres.InitializeAsync().AsTask(), Redis.InitializeAsync().AsTask(), S3.InitializeAsync().AsTask(),
            Renderer.InitializeAsync().AsTask());
        ConnectionString = await Postgres.CreateDatabaseAsync("faults");
        _api = await ApiServerProcess.StartAsync(ApiSettings);
    }

    /// <summary>
    /// Runs the orphan sweep as a second API replica would, with no grace period: call it only once no export is in
    /// flight. Files whose compensation could not run (the database or storage was down at that moment) are its job.
    /// </summary>
    public async Task<int> SweepOrphansFromSecondReplicaAsync()
    {
        await using var replica = new WebApplicationFactory<ApiServiceMarker>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            foreach (var (key, value) in ApiSettings)
            {
                builder.UseSetting(key, value);
            }
            builder.UseSetting("Exports:OrphanGracePeriod", "00:00:00");
        });
        return await replica.Services.GetRequiredService<OrphanFileSweep>().SweepAsync(TestContext.Current.CancellationToken);
    }

    private Dictionary<string, string> ApiSettings => new(
        ApiServerProcess.Settings(ConnectionString, Redis.ConnectionString, Path.GetTempPath(), S3.ApiStorageSettings(Bucket)))
    {
        ["Renderer:Url"] = Renderer.Url,
        ["Renderer:Timeout"] = RenderTimeout.ToString(),
        ["Exports:RetentionSweepInterval"] = "1.00:00:00",
        // Reading files back for ATS reports is not what this test measures; it would only take CPU from it.
        ["Ats:AnalyseAfterExport"] = "false",
    };

    public async ValueTask DisposeAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }
        await Renderer.DisposeAsync();
        await S3.DisposeAsync();
        await Redis.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}
