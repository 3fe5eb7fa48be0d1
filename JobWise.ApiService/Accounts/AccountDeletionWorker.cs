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
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            bool tookOne;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var queue = scope.ServiceProvider.GetRequiredService<AccountDeletionQueue>();
                var deletion = await queue.TakeNextAsync(settings.DeletionLease, stoppingToken);
                tookOne = deletion is not null;
                if (deletion is not null)
                {
                    await scope.ServiceProvider.GetRequiredService<AccountDeletionRunner>().RunTakenAsync(deletion, stoppingToken);
                }
                else
                {
                    await queue.PurgeFinishedAsync(clock.GetUtcNow(), settings.FinishedDeletionRetention, stoppingToken);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The database is down, say: the queue is where it was.
                logger.LogWarning(exception, "Taking a pending account deletion failed; trying again in {Interval}", settings.DeletionPollInterval);
                tookOne = false;
            }
            if (!tookOne)
            {
                await Task.Delay(settings.DeletionPollInterval, stoppingToken);
            }
        }
    }
}
