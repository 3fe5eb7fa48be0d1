using JobWise.ApiService.Exports;
using JobWise.ApiService.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JobWise.ApiService.Ats;

/// <summary>
/// Makes pending ATS reports, whichever replica queued them, one at a time and only in this replica's quiet moments,
/// so that reading files back never takes CPU from the exports clients are waiting for.
/// </summary>
public sealed class AtsWorker(
    ExportActivity activity, IServiceScopeFactory scopes, IOptions<AtsOptions> options, ILogger<AtsWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            while (!activity.IsQuietFor(settings.QuietPeriod))
            {
                await Task.Delay(settings.QuietPeriod, stoppingToken);
            }
            bool madeOne;
            try
            {
                madeOne = await MakeNextAsync(settings, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The database is down, say: the queue is where it was.
                logger.LogWarning(exception, "Taking a pending ATS report failed; trying again in {Interval}", settings.PollInterval);
                madeOne = false;
            }
            if (!madeOne)
            {
                await Task.Delay(settings.PollInterval, stoppingToken);
            }
        }
    }

    /// <summary>Takes and makes one pending report; false when none was available.</summary>
    private async Task<bool> MakeNextAsync(AtsOptions settings, CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var queue = scope.ServiceProvider.GetRequiredService<AtsQueue>();
        var pending = await queue.TakeAsync(settings.ClaimLease, stoppingToken);
        if (pending is null)
        {
            return false;
        }
        try
        {
            var db = scope.ServiceProvider.GetRequiredService<JobWiseDbContext>();
            var export = await db.Exports.AsNoTracking().SingleOrDefaultAsync(e => e.Id == pending.ExportId, stoppingToken);
            if (export is not null)
            {
                await scope.ServiceProvider.GetRequiredService<AtsAnalyser>().AnalyseAsync(export, stoppingToken);
            }
            await queue.CompleteAsync(pending.ExportId, stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            if (pending.Attempts >= settings.MaxAttempts)
            {
                logger.LogWarning(exception, "ATS report of export {ExportId} failed {Attempts} times; it is made when asked for",
                    pending.ExportId, pending.Attempts);
                await queue.CompleteAsync(pending.ExportId, CancellationToken.None);
            }
            else
            {
                var backoff = settings.RetryBackoff * Math.Pow(2, pending.Attempts - 1);
                logger.LogWarning(exception, "ATS report of export {ExportId} failed; attempt {Attempt} in {Backoff}",
                    pending.ExportId, pending.Attempts + 1, backoff);
                await queue.RetryLaterAsync(pending.ExportId, backoff, CancellationToken.None);
            }
        }
        return true;
    }
}
