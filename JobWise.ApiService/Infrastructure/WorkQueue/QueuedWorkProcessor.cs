using JobWise.ApiService.Model;

namespace JobWise.ApiService.Infrastructure.WorkQueue;

/// <summary>
/// What a queue's worker does with each item, the same for every queue: take one, do it, remove it when done; after a
/// failure put it back with a growing backoff, and give it up after the last attempt.
/// </summary>
public static class QueuedWorkProcessor
{
    /// <summary>Takes and does one item; false when none was available.</summary>
    /// <param name="what">Names the kind of item in log messages ("ATS report of export", "mail").</param>
    private static async Task<bool> ProcessNextAsync<TItem>(
        WorkQueueTable<TItem> queue, QueueOptions settings, int maxAttempts, Func<TItem, CancellationToken, Task> work,
        string what, ILogger logger, CancellationToken stoppingToken) where TItem : class, IQueuedWork
    {
        var item = await queue.TakeAsync(settings.ClaimLease, stoppingToken);
        if (item is null)
        {
            return false;
        }
        try
        {
            await work(item, stoppingToken);
            await queue.CompleteAsync(item.QueueKey, stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            if (item.Attempts >= maxAttempts)
            {
                logger.LogError(exception, "{What} {Key} failed {Attempts} times; given up", what, item.QueueKey, item.Attempts);
                await queue.CompleteAsync(item.QueueKey, CancellationToken.None);
            }
            else
            {
                var backoff = settings.BackoffAfter(item.Attempts);
                logger.LogWarning(exception, "{What} {Key} failed; attempt {Attempt} in {Backoff}", what, item.QueueKey, item.Attempts + 1, backoff);
                await queue.RetryLaterAsync(item.QueueKey, backoff, CancellationToken.None);
            }
        }
        return true;
    }

    /// <summary><see cref="ProcessNextAsync"/> in a scope of its own, which the queue and the work's services come from.</summary>
    public static async Task<bool> ProcessNextInScopeAsync<TItem>(
        IServiceScopeFactory scopes, Func<IServiceProvider, WorkQueueTable<TItem>> queueOf, QueueOptions settings, int maxAttempts,
        Func<IServiceProvider, TItem, CancellationToken, Task> work, string what, ILogger logger, CancellationToken stoppingToken)
        where TItem : class, IQueuedWork
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        return await ProcessNextAsync(queueOf(services), settings, maxAttempts, (item, token) => work(services, item, token), what, logger, stoppingToken);
    }

    /// <summary>
    /// The worker's loop: waits for its turn, processes items while there are any, and looks again every
    /// <paramref name="pollInterval"/> when there are none. A failure to take (the database is down, say) leaves the
    /// queue as it was and is tried again after the interval.
    /// </summary>
    public static async Task RunAsync(
        Func<CancellationToken, Task> waitForTurn, Func<CancellationToken, Task<bool>> processNext, TimeSpan pollInterval,
        string what, ILogger logger, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await waitForTurn(stoppingToken);
            bool processedOne;
            try
            {
                processedOne = await processNext(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Taking a pending {What} failed; trying again in {Interval}", what, pollInterval);
                processedOne = false;
            }
            if (!processedOne)
            {
                await Task.Delay(pollInterval, stoppingToken);
            }
        }
    }
}
