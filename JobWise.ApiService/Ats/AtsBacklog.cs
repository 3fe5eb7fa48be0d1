using System.Diagnostics.Metrics;
using JobWise.ApiService.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JobWise.ApiService.Ats;

/// <summary>
/// How many ATS reports wait in the queue, for the <c>jobwise.ats.backlog</c> gauge. Metric collection is synchronous
/// and may come every second, so the gauge answers the last count at once and counts again in the background at most
/// every <see cref="AtsOptions.BacklogCountInterval"/>; nothing is reported until a first count succeeded.
/// </summary>
public sealed class AtsBacklog(IServiceScopeFactory scopes, IOptions<AtsOptions> options, TimeProvider clock, ILogger<AtsBacklog> logger)
{
    private long _count = -1;
    private long _countedAt; // a timestamp; 0 until the first count
    private int _counting;

    public IEnumerable<Measurement<long>> Observe()
    {
        var countedAt = Interlocked.Read(ref _countedAt);
        var due = countedAt == 0 || clock.GetElapsedTime(countedAt) >= options.Value.BacklogCountInterval;
        if (due && Interlocked.CompareExchange(ref _counting, 1, 0) == 0)
        {
            _ = CountAsync();
        }
        var count = Interlocked.Read(ref _count);
        return count < 0 ? [] : [new Measurement<long>(count)];
    }

    private async Task CountAsync()
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<JobWiseDbContext>();
            Interlocked.Exchange(ref _count, await db.PendingAtsReports.LongCountAsync());
        }
        catch (Exception exception)
        {
            // The database is down, say: the gauge keeps its last value and the next collection tries again later.
            logger.LogDebug(exception, "Counting the ATS backlog failed");
        }
        finally
        {
            Interlocked.Exchange(ref _countedAt, clock.GetTimestamp());
            Volatile.Write(ref _counting, 0);
        }
    }
}
