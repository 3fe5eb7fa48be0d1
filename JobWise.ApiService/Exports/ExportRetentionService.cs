using JobWise.ApiService.Infrastructure;
using JobWise.ApiService.Model;
using JobWise.ApiService.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JobWise.ApiService.Exports;

/// <summary>
/// Removes expired exports and their files in bounded batches. Each batch locks its rows with SKIP LOCKED, so API
/// replicas sweeping at once take different rows, then the locks of their stored files (as delete and reuse do), so a
/// file goes only when no row names it any more. Files go after the rows' removal commits; one whose removal fails
/// is left to the orphan sweep, never named by a row that outlives it.
/// </summary>
public sealed class ExportRetentionService(
    IServiceScopeFactory scopes, IOptions<ExportOptions> options, ILogger<ExportRetentionService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicSweep.RunAsync("retention", options.Value.RetentionSweepInterval, runAtStart: true, SweepAsync,
            removed => logger.LogInformation("Retention removed {Count} expired exports", removed), logger, stoppingToken);

    /// <summary>Removes every export expired now, batch by batch; returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var removed = await SweepBatchAsync(
                scope.ServiceProvider.GetRequiredService<JobWiseDbContext>(),
                scope.ServiceProvider.GetRequiredService<IObjectStorage>(),
                scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow(),
                cancellationToken);
            total += removed;
            if (removed < options.Value.RetentionBatchSize)
            {
                return total;
            }
        }
    }

    private async Task<int> SweepBatchAsync(JobWiseDbContext db, IObjectStorage storage, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var batchSize = options.Value.RetentionBatchSize;
        var (removedRows, unnamedKeys) = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var expired = await db.Exports
                .FromSqlInterpolated($"SELECT * FROM exports WHERE expires_at <= {now} ORDER BY expires_at LIMIT {batchSize} FOR UPDATE SKIP LOCKED")
                .AsNoTracking()
                .ToListAsync(cancellationToken);
            if (expired.Count == 0)
            {
                return (0, new List<string>());
            }
            var keys = expired.Select(e => e.StorageKey).Distinct().ToList();
            await StoredFileLock.TakeAllAsync(db, keys, cancellationToken);
            var ids = expired.Select(e => e.Id).ToList();
            await db.Exports.Where(e => ids.Contains(e.Id)).ExecuteDeleteAsync(cancellationToken);
            var stillNamed = await db.Exports.Where(e => keys.Contains(e.StorageKey)).Select(e => e.StorageKey).Distinct().ToListAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (expired.Count, keys.Except(stillNamed).ToList());
        });
        foreach (var key in unnamedKeys)
        {
            try
            {
                await storage.DeleteAsync(key, CancellationToken.None);
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Could not delete expired file {Key}; the orphan sweep will", key);
            }
        }
        return removedRows;
    }
}
