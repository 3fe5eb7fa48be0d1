using JobWise.ApiService.Http;
using JobWise.ApiService.Infrastructure;
using JobWise.ApiService.Model;
using JobWise.ApiService.Storage;
using Microsoft.EntityFrameworkCore;

namespace JobWise.ApiService.Exports;

/// <summary>
/// Stores a new file, then writes the row naming it; when either step fails or is cancelled the file is removed
/// again (with <see cref="CancellationToken.None"/>: compensation must outlive the request), so a row never names a
/// missing file and a file is not left without its row. When the database cannot say whether the row was written
/// (it went away mid-commit), the file is left for the orphan sweep, which removes it once it is surely unnamed.
/// </summary>
public sealed class StoredExportWriter(JobWiseDbContext db, NewExportRows newRows, IObjectStorage storage, ILogger<StoredExportWriter> logger)
{
    private static readonly TimeSpan CompensationTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Null when stored and recorded; otherwise the 503 to answer. Cancellation is rethrown after cleaning up.</summary>
    public async Task<ExportOutcome?> StoreAndRecordAsync(
        Export export, Stream content, string mediaType, TimeSpan retryAfter, CancellationToken cancellationToken)
    {
        try
        {
            await storage.PutAsync(export.StorageKey, content, mediaType, cancellationToken);
        }
        catch (Exception exception)
        {
            // A half-written object may exist, and no row can name it yet.
            await TryDeleteAsync(export.StorageKey);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            logger.LogWarning(exception, "Storing export {ExportId} failed", export.Id);
            return ExportOutcome.Unavailable("Storage", retryAfter);
        }
        try
        {
            newRows.Add(export);
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (Exception exception)
        {
            await RemoveUnlessRecordedAsync(export);
            if (cancellationToken.IsCancellationRequested || DependencyFailures.Unavailable(exception) is null)
            {
                throw;
            }
            logger.LogWarning(exception, "Recording export {ExportId} failed", export.Id);
            return ExportOutcome.Unavailable("The database", retryAfter);
        }
    }

    private async Task RemoveUnlessRecordedAsync(Export export)
    {
        try
        {
            db.ChangeTracker.Clear();
            using var timeout = new CancellationTokenSource(CompensationTimeout);
            if (await db.Exports.AnyAsync(e => e.Id == export.Id, timeout.Token))
            {
                // The write reached the database after all: the row names the file, so it stays.
                return;
            }
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Cannot tell whether export {ExportId} was recorded; the orphan sweep will decide about {Key}",
                export.Id, export.StorageKey);
            return;
        }
        await TryDeleteAsync(export.StorageKey);
    }

    private async Task TryDeleteAsync(string key)
    {
        try
        {
            await storage.DeleteAsync(key, CancellationToken.None);
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Could not remove stored file {Key} after a failed export; the orphan sweep will", key);
        }
    }
}
