using JobWise.ApiService.Infrastructure;
using JobWise.ApiService.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JobWise.ApiService.Exports;

/// <summary>
/// Removes stored export files that no row names and that are older than the grace period: what a crash between
/// storing and recording, a failed removal after a delete, or a cascade (a user's rows removed with the user) leaves
/// behind. With it the retention promise holds for every file, not only for those whose row expired. Safe on several
/// replicas: each removal re-checks under the file's lock that no row names it, and removing a file twice is harmless.
/// </summary>
public sealed class OrphanFileSweep(
    IServiceScopeFactory scopes, IOptions<ExportOptions> options, TimeProvider clock, ILogger<OrphanFileSweep> logger) : BackgroundService
{
    public const string ExportsPrefix = "exports/";
    private const int PageSize = 500;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicSweep.RunAsync("orphan", options.Value.OrphanSweepInterval, runAtStart: false, SweepAsync,
            removed => logger.LogInformation("Orphan sweep removed {Count} stored files no export names", removed), logger, stoppingToken);

    /// <summary>Removes every unnamed stored file older than the grace period; returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await RemoveUnnamedAsync(
            scope.ServiceProvider.GetRequiredService<JobWiseDbContext>(), scope.ServiceProvider.GetRequiredService<IObjectStorage>(),
            ExportsPrefix, clock.GetUtcNow() - options.Value.OrphanGracePeriod, cancellationToken);
    }

    /// <summary>
    /// Removes every stored file under <paramref name="prefix"/> written at or before <paramref name="cutoff"/> that no
    /// export names; returns how many. Storage failures are thrown.
    /// </summary>
    public static async Task<int> RemoveUnnamedAsync(
        JobWiseDbContext db, IObjectStorage storage, string prefix, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var removed = 0;
        var page = new List<string>(PageSize);
        await foreach (var stored in storage.ListAsync(prefix, cancellationToken))
        {
            if (stored.LastModified <= cutoff)
            {
                page.Add(stored.Key);
            }
            if (page.Count == PageSize)
            {
                removed += await RemoveUnnamedAsync(db, storage, page, cancellationToken);
                page.Clear();
            }
        }
        return removed + await RemoveUnnamedAsync(db, storage, page, cancellationToken);
    }

    private static async Task<int> RemoveUnnamedAsync(JobWiseDbContext db, IObjectStorage storage, List<string> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return 0;
        }
        var named = await db.Exports.Where(e => keys.Contains(e.StorageKey)).Select(e => e.StorageKey).Distinct().ToListAsync(cancellationToken);
        var removed = 0;
        foreach (var key in keys.Except(named))
        {
            removed += await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await StoredFileLock.TakeAsync(db, key, cancellationToken);
                // Reuse adds a row for a file only while another row names it, so an unnamed file stays unnamed.
                if (await db.Exports.AnyAsync(e => e.StorageKey == key, cancellationToken))
                {
                    return 0;
                }
                await storage.DeleteAsync(key, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return 1;
            });
        }
        return removed;
    }
}
