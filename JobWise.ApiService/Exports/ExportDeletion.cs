using JobWise.ApiService.Infrastructure;
using JobWise.ApiService.Model;
using JobWise.ApiService.Storage;
using Microsoft.EntityFrameworkCore;

namespace JobWise.ApiService.Exports;

/// <summary>
/// Deletes an export's row and, when it was the last row naming its stored file, the file — after the row's removal
/// has committed, so a failed commit never leaves a row without its file. A file whose removal then fails is left
/// for the orphan sweep.
/// </summary>
public sealed class ExportDeletion(JobWiseDbContext db, IObjectStorage storage, DownloadLinks links, ILogger<ExportDeletion> logger)
{
    public async Task<bool> DeleteAsync(Guid userId, Guid id, CancellationToken cancellationToken)
    {
        var removed = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // The row first, then the file's lock: the order retention takes them in too.
            var export = await db.Exports
                .FromSqlInterpolated($"SELECT * FROM exports WHERE id = {id} AND user_id = {userId} FOR UPDATE")
                .AsNoTracking()
                .SingleOrDefaultAsync(cancellationToken);
            if (export is null)
            {
                return null;
            }
            await StoredFileLock.TakeAsync(db, export.StorageKey, cancellationToken);
            await db.Exports.Where(e => e.Id == id).ExecuteDeleteAsync(cancellationToken);
            var stillNamed = await db.Exports.AnyAsync(e => e.StorageKey == export.StorageKey, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new RemovedRow(export, stillNamed);
        });
        if (removed is null)
        {
            return false;
        }
        links.Forget(userId, id);
        if (!removed.FileStillNamed)
        {
            await RemoveFileAsync(removed.Export.StorageKey);
        }
        return true;
    }

    private async Task RemoveFileAsync(string key)
    {
        try
        {
            // The row is gone for good: the request ending now must not stop the file from following it.
            await storage.DeleteAsync(key, CancellationToken.None);
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Could not delete stored file {Key}; the orphan sweep will", key);
        }
    }

    private sealed record RemovedRow(Export Export, bool FileStillNamed);
}
