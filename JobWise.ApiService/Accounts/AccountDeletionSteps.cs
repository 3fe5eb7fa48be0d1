using JobWise.ApiService.Auth;
using JobWise.ApiService.Exports;
using JobWise.ApiService.Infrastructure;
using JobWise.ApiService.Model;
using JobWise.ApiService.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JobWise.ApiService.Accounts;

/// <summary>
/// Carries out one account deletion, step by step. Every step is idempotent and the steps run in an order that leaves
/// nothing behind when an attempt stops halfway: the next attempt runs them all again and finds less to do.
/// <list type="number">
/// <item>Sign-ins revoked (the request that asked for the deletion already did; again, for a sign-in that raced it).</item>
/// <item>Exports removed batch by batch under their stored files' locks (as delete and retention do); a file goes
/// once no row names it. A file whose removal fails is found again by step 4.</item>
/// <item>The user's row removed; every row naming the user goes with it (foreign keys cascade), including rows a
/// request still holding an access token wrote meanwhile.</item>
/// <item>Every file under the user's storage prefix that no row names: what a failed removal or such a request left.</item>
/// <item>Redis: the user's cached download links, per-user limits and sign-in counters.</item>
/// </list>
/// </summary>
public sealed class AccountDeletionSteps(
    JobWiseDbContext db, AccountDeletionQueue queue, SignOutEverywhere signOut, IObjectStorage storage,
    UserCacheKeys cacheKeys, IOptions<AccountOptions> options, TimeProvider clock, ILogger<AccountDeletionSteps> logger)
{
    public const string Requested = "requested";
    public const string RevokingSignIns = "revoking_sign_ins";
    public const string DeletingExports = "deleting_exports";
    public const string DeletingAccountRows = "deleting_account_rows";
    public const string DeletingStoredFiles = "deleting_stored_files";
    public const string ForgettingCachedKeys = "forgetting_cached_keys";
    public const string Done = "done";

    /// <summary>Runs every step of a deletion taken from the queue, then marks it done. Throws when a step fails.</summary>
    public async Task RunAsync(AccountDeletion deletion, CancellationToken cancellationToken)
    {
        if (deletion.UserId is not { } userId)
        {
            return;
        }
        await StepAsync(deletion, RevokingSignIns, () => signOut.ApplyAsync(userId, cancellationToken), cancellationToken);
        await StepAsync(deletion, DeletingExports, () => DeleteExportsAsync(userId, cancellationToken), cancellationToken);
        await StepAsync(deletion, DeletingAccountRows,
            () => db.Users.Where(user => user.Id == userId).ExecuteDeleteAsync(cancellationToken), cancellationToken);
        await StepAsync(deletion, DeletingStoredFiles, () => OrphanFileSweep.RemoveUnnamedAsync(
            db, storage, ExportService.UserStoragePrefix(userId), DateTimeOffset.MaxValue, cancellationToken), cancellationToken);
        await StepAsync(deletion, ForgettingCachedKeys,
            () => cacheKeys.ForgetAllAsync(userId, deletion.AccountKey, cancellationToken), cancellationToken);
        await queue.CompleteAsync(deletion.Id, clock.GetUtcNow(), cancellationToken);
        logger.LogInformation("Account deletion {DeletionId} done after {Attempts} attempt(s)", deletion.Id, deletion.Attempts);
    }

    private async Task StepAsync(AccountDeletion deletion, string step, Func<Task> run, CancellationToken cancellationToken)
    {
        await queue.RecordStepAsync(deletion.Id, step, cancellationToken);
        await run();
    }

    private async Task DeleteExportsAsync(Guid userId, CancellationToken cancellationToken)
    {
        var batchSize = options.Value.DeletionBatchSize;
        while (true)
        {
            var (removedRows, unnamedKeys) = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                // The rows first, then their files' locks: the order delete and retention take them in too.
                var batch = await db.Exports
                    .FromSqlInterpolated($"SELECT * FROM exports WHERE user_id = {userId} ORDER BY id LIMIT {batchSize} FOR UPDATE")
                    .AsNoTracking()
                    .ToListAsync(cancellationToken);
                if (batch.Count == 0)
                {
                    return (0, new List<string>());
                }
                var keys = batch.Select(e => e.StorageKey).Distinct().ToList();
                await StoredFileLock.TakeAllAsync(db, keys, cancellationToken);
                var ids = batch.Select(e => e.Id).ToList();
                await db.Exports.Where(e => ids.Contains(e.Id)).ExecuteDeleteAsync(cancellationToken);
                var stillNamed = await db.Exports.Where(e => keys.Contains(e.StorageKey)).Select(e => e.StorageKey).Distinct()
                    .ToListAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return (batch.Count, keys.Except(stillNamed).ToList());
            });
            foreach (var key in unnamedKeys)
            {
                await storage.DeleteAsync(key, cancellationToken);
            }
            if (removedRows < batchSize)
            {
                return;
            }
        }
    }
}
