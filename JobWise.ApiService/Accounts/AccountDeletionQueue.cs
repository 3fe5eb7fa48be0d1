using JobWise.ApiService.Infrastructure;
using JobWise.ApiService.Model;
using Microsoft.EntityFrameworkCore;

namespace JobWise.ApiService.Accounts;

/// <summary>
/// The durable queue of account deletions, a PostgreSQL table shared by every API replica, in the shape of the ATS
/// queue: a replica takes a deletion with SKIP LOCKED and holds it for a lease; a failed attempt puts it back with a
/// backoff. The database's clock decides.
/// </summary>
public sealed class AccountDeletionQueue(JobWiseDbContext db)
{
    /// <summary>Takes the deletion available longest, if any, and holds it for <paramref name="lease"/>.</summary>
    public Task<AccountDeletion?> TakeNextAsync(TimeSpan lease, CancellationToken cancellationToken) =>
        TakeAsync(lease, null, cancellationToken);

    /// <summary>Takes this deletion if no replica holds it and it is not done; null otherwise.</summary>
    public Task<AccountDeletion?> TakeAsync(Guid id, TimeSpan lease, CancellationToken cancellationToken) =>
        TakeAsync(lease, id, cancellationToken);

    private async Task<AccountDeletion?> TakeAsync(TimeSpan lease, Guid? id, CancellationToken cancellationToken)
    {
        var taken = await db.AccountDeletions.FromSql($"""
            UPDATE account_deletions SET attempts = attempts + 1, available_at = now() + {lease}
            WHERE id = (
                SELECT id FROM account_deletions
                WHERE completed_at IS NULL AND available_at <= now() AND ({id}::uuid IS NULL OR id = {id}::uuid)
                ORDER BY available_at LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING *
            """).AsNoTracking().ToListAsync(cancellationToken);
        return taken.SingleOrDefault();
    }

    public Task RecordStepAsync(Guid id, string step, CancellationToken cancellationToken) =>
        db.AccountDeletions.Where(d => d.Id == id).ExecuteUpdateAsync(s => s.SetProperty(d => d.Step, step), cancellationToken);

    /// <summary>Done: the row stays for progress look-ups but no longer says whose account it was.</summary>
    public Task CompleteAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.AccountDeletions.Where(d => d.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.CompletedAt, now)
            .SetProperty(d => d.Step, AccountDeletionSteps.Done)
            .SetProperty(d => d.UserId, (Guid?)null)
            .SetProperty(d => d.AccountKey, (string?)null), cancellationToken);

    public Task RetryLaterAsync(Guid id, TimeSpan backoff, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"UPDATE account_deletions SET available_at = now() + {backoff} WHERE id = {id} AND completed_at IS NULL", cancellationToken);

    /// <summary>Removes finished deletions older than <paramref name="retention"/>; returns how many.</summary>
    public Task<int> PurgeFinishedAsync(DateTimeOffset now, TimeSpan retention, CancellationToken cancellationToken) =>
        db.AccountDeletions.Where(d => d.CompletedAt != null && d.CompletedAt < now - retention).ExecuteDeleteAsync(cancellationToken);
}
