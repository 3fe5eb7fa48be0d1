using JobWise.ApiService.Exports;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace JobWise.Tests.Infrastructure;

/// <summary>The API wired to the real renderer process, with local-disk storage.</summary>
public class ExportsApiHost(PostgresServer postgres, RedisServer redis, RendererServer renderer) : ApiHost(postgres, redis)
{
    protected override IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>
    {
        ["Renderer:Url"] = renderer.Url,
        // Sweeps run when a test asks, not on a timer.
        ["Exports:RetentionSweepInterval"] = "1.00:00:00",
        // An account deletion that failed is tried again within a second, so tests see it finish.
        ["Account:PollInterval"] = "00:00:00.200",
        ["Account:RetryBackoff"] = "00:00:00.200",
        ["Account:MaxRetryBackoff"] = "00:00:01",
    };

    public Task<int> SweepRetentionAsync() =>
        Factory.Services.GetRequiredService<ExportRetentionService>().SweepAsync(TestContext.Current.CancellationToken);

    public Task<int> SweepOrphansAsync() =>
        Factory.Services.GetRequiredService<OrphanFileSweep>().SweepAsync(TestContext.Current.CancellationToken);

    /// <summary>Runs SQL against this host's database, e.g. to age exports past their expiry.</summary>
    public async Task<int> ExecuteSqlAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Every stored file under the local storage folder, as keys.</summary>
    public IReadOnlyList<string> StoredKeys() => Directory.Exists(StorageRoot)
        ? Directory.EnumerateFiles(StorageRoot, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(StorageRoot, path).Replace('\\', '/'))
            .Where(key => key.StartsWith("exports/", StringComparison.Ordinal))
            .ToList()
        : [];
}
