using System.Threading.Channels;
using JobWise.ApiService.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace JobWise.ApiService.Ats;

/// <summary>
/// Exports waiting for their ATS report, made in the background so the export itself answers at render speed.
/// When the queue is full the report is simply made later, the first time someone asks for it.
/// </summary>
public sealed class AtsQueue
{
    private readonly Channel<Guid> _pending = Channel.CreateBounded<Guid>(new BoundedChannelOptions(1000)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    public void Enqueue(Guid exportId) => _pending.Writer.TryWrite(exportId);

    public IAsyncEnumerable<Guid> ReadAllAsync(CancellationToken cancellationToken) => _pending.Reader.ReadAllAsync(cancellationToken);
}

public sealed class AtsBackgroundService(
    AtsQueue queue, ExportActivity activity, IServiceScopeFactory scopes, ILogger<AtsBackgroundService> logger) : BackgroundService
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var exportId in queue.ReadAllAsync(stoppingToken))
        {
            // Reports wait while exports are being made: on a busy API they are made in the lulls.
            while (!activity.IsQuietFor(Quiet))
            {
                await Task.Delay(Quiet, stoppingToken);
            }
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<JobWiseDbContext>();
                var export = await db.Exports.AsNoTracking().SingleOrDefaultAsync(e => e.Id == exportId, stoppingToken);
                if (export is not null)
                {
                    await scope.ServiceProvider.GetRequiredService<AtsAnalyser>().AnalyseAsync(export, stoppingToken);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "ATS report of export {ExportId} failed; it is made when asked for", exportId);
            }
        }
    }
}
