using Microsoft.EntityFrameworkCore;

namespace JobWise.ApiService.Storage;

/// <summary>
/// One PostgreSQL advisory lock per stored file, held until the surrounding transaction ends. Whoever adds a row
/// naming a file (reuse) and whoever removes the last row naming it (delete, retention, the orphan sweep) take it, so
/// "is this file still named?" and "name this file" never interleave, on one replica or many.
/// </summary>
public static class StoredFileLock
{
    /// <summary>Waits for the lock of <paramref name="key"/>; call inside a transaction.</summary>
    public static Task TakeAsync(DbContext db, string key, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", cancellationToken);

    /// <summary>Takes the locks of several files in one order, so that two takers never wait for each other.</summary>
    public static async Task TakeAllAsync(DbContext db, IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        foreach (var key in keys.Distinct().Order(StringComparer.Ordinal))
        {
            await TakeAsync(db, key, cancellationToken);
        }
    }
}
