using JobWise.ApiService.Infrastructure;
using JobWise.ApiService.Model;
using JobWise.ApiService.Storage;
using Microsoft.EntityFrameworkCore;

namespace JobWise.ApiService.Exports;

/// <summary>
/// Records a new export as sharing the stored file of an earlier identical one (same fingerprint, same user), so
/// that an identical export costs a row instead of a render. The file's lock is held while it checks that a row
/// still names the file and that the file is really there, and while it writes the new row: a delete or retention
/// of the last row naming it either committed first (then this renders again) or waits and sees the new row.
/// </summary>
public sealed class ExportReuse(JobWiseDbContext db, NewExportRows newRows, IObjectStorage storage, TimeProvider clock, ILogger<ExportReuse> logger)
{
    /// <summary>True when <paramref name="export"/> was recorded sharing an earlier file; false when it must be rendered.</summary>
    public async Task<bool> TryRecordSharingAsync(Export export, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var earlier = await db.Exports.AsNoTracking()
            .Where(e => e.UserId == export.UserId && e.Fingerprint == export.Fingerprint && e.ExpiresAt > now)
            .OrderByDescending(e => e.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (earlier is null)
        {
            return false;
        }
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await StoredFileLock.TakeAsync(db, earlier.StorageKey, cancellationToken);
            if (!await db.Exports.AnyAsync(e => e.StorageKey == earlier.StorageKey, cancellationToken))
            {
                return false;
            }
            if (!await ExistsAsync(earlier.StorageKey, cancellationToken))
            {
                logger.LogWarning("Stored file {Key} is named by exports but missing; rendering again", earlier.StorageKey);
                return false;
            }
            export.StorageKey = earlier.StorageKey;
            export.FileSizeBytes = earlier.FileSizeBytes;
            export.PageCount = earlier.PageCount;
            // Keyword coverage depends on the job, so a report is shared only between exports for the same one.
            export.AtsReport = earlier.JobId == export.JobId ? earlier.AtsReport : null;
            newRows.Add(export);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        });
    }

    private async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await storage.ExistsAsync(key, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new StorageUnavailableException(exception);
        }
    }
}
