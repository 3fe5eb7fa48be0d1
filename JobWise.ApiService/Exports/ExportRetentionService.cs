using JobWise.ApiService.Infrastructure;
using JobWise.ApiService.Model;
using JobWise.ApiService.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JobWise.ApiService.Exports;

/// <summary>
/// Removes expired exports and their files in bounded batches. Each batch locks its rows with SKIP LOCKED, so API
/// replicas sweeping at once take different rows; files go before the transaction commits, so a failure leaves
/// rows (swept again next time), never orphaned files.
/// </summary>
public sealed class ExportRetentionService(
    IServiceScopeFactory scopes, IOptions<ExportOptions> options, ILogger<ExportRetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RetentionSweepInterval);
        do
        {
            try
            {
                var removed = await SweepAsync(stoppingToken);
                if (removed > 0)
                {
                    logger.LogInformation("Retention removed {Count} expired exports", removed);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Retention sweep failed; it runs again in {Interval}", options.Value.RetentionSweepInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

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
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var expired = await db.Exports
                .FromSqlInterpolated($"SELECT * FROM exports WHERE expires_at <= {now} ORDER BY expires_at LIMIT {batchSize} FOR UPDATE SKIP LOCKED")
                .AsNoTracking()
                .ToListAsync(cancellationToken);
            if (expired.Count == 0)
            {
                return 0;
            }
            var ids = expired.Select(e => e.Id).ToList();
            await db.Exports.Where(e => ids.Contains(e.Id)).ExecuteDeleteAsync(cancellationToken);
            var keys = expired.Select(e => e.StorageKey).Distinct().ToList();
            var stillNamed = await db.Exports.Where(e => keys.Contains(e.StorageKey)).Select(e => e.StorageKey).Distinct().ToListAsync(cancellationToken);
            foreach (var key in keys.Except(stillNamed))
            {
                await storage.DeleteAsync(key, cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            return expired.Count;
        });
    }
}
