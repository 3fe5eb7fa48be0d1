using JobWise.ApiService.Model;
using Microsoft.Extensions.Options;

namespace JobWise.ApiService.Accounts;

/// <summary>Runs one taken deletion; when an attempt fails it goes back to the queue with a backoff that doubles each time.</summary>
public sealed class AccountDeletionRunner(
    AccountDeletionSteps steps, AccountDeletionQueue queue, IOptions<AccountOptions> options, ILogger<AccountDeletionRunner> logger)
{
    /// <summary>True when the deletion is done; false when it was put back to be tried again.</summary>
    public async Task<bool> RunTakenAsync(AccountDeletion deletion, CancellationToken cancellationToken)
    {
        try
        {
            await steps.RunAsync(deletion, cancellationToken);
            return true;
        }
        catch (Exception exception)
        {
            var backoff = options.Value.BackoffAfter(deletion.Attempts);
            if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                // Stopped, not failed: the next taker may start at once.
                backoff = TimeSpan.Zero;
            }
            else
            {
                logger.LogWarning(exception, "Account deletion {DeletionId} failed at attempt {Attempt}; next attempt in {Backoff}",
                    deletion.Id, deletion.Attempts, backoff);
            }
            try
            {
                await queue.RetryLaterAsync(deletion.Id, backoff, CancellationToken.None);
            }
            catch (Exception retryException)
            {
                // The lease runs out instead, and another attempt follows all the same.
                logger.LogWarning(retryException, "Could not put account deletion {DeletionId} back; its lease will", deletion.Id);
            }
            return false;
        }
    }
}
