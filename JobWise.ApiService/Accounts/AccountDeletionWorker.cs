using JobWise.ApiService.Infrastructure.WorkQueue;
using Microsoft.Extensions.Options;

namespace JobWise.ApiService.Accounts;

/// <summary>
/// Carries out pending account deletions, whichever replica they were asked of, one at a time. A failed attempt (the
/// database, storage or Redis down, the replica stopping) puts the deletion back with a growing backoff, never gives
/// it up; a replica that dies mid-attempt loses its lease and another takes over. Idle passes purge the records of
/// deletions finished long ago.
/// </summary>
public sealed class AccountDeletionWorker(
    IServiceScopeFactory scopes, IOptions<AccountOptions> options, TimeProvider clock, ILogger<AccountDeletionWorker> logger) : BackgroundService
{
    private const string What = "account deletion";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        QueuedWorkProcessor.RunAsync(_ => Task.CompletedTask, RunNextAsync, options.Value.PollInterval, What, logger, stoppingToken);

    /// <summary>Runs the next deletion due; when none is, purges the records of deletions finished long ago.</summary>
    private async Task<bool> RunNextAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var queue = scope.ServiceProvider.GetRequiredService<AccountDeletionQueue>();
        var deletion = await queue.TakeNextAsync(options.Value.ClaimLease, stoppingToken);
        if (deletion is null)
        {
            await queue.PurgeFinishedAsync(clock.GetUtcNow(), options.Value.FinishedDeletionRetention, stoppingToken);
            return false;
        }
        await scope.ServiceProvider.GetRequiredService<AccountDeletionRunner>().RunTakenAsync(deletion, stoppingToken);
        return true;
    }
}
