using JobWise.ApiService.Exports;
using JobWise.ApiService.Infrastructure;
using JobWise.ApiService.Infrastructure.WorkQueue;
using JobWise.ApiService.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JobWise.ApiService.Ats;

/// <summary>
/// Makes pending ATS reports, whichever replica queued them, one at a time and only in this replica's quiet moments,
/// so that reading files back never takes CPU from the exports clients are waiting for. A report given up after the
/// last attempt is made when first asked for.
/// </summary>
public sealed class AtsWorker(
    ExportActivity activity, IServiceScopeFactory scopes, IOptions<AtsOptions> options, ILogger<AtsWorker> logger) : BackgroundService
{
    private const string What = "ATS report of export";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        QueuedWorkProcessor.RunAsync(WaitForQuietAsync, MakeNextAsync, options.Value.PollInterval, What, logger, stoppingToken);

    private async Task WaitForQuietAsync(CancellationToken stoppingToken)
    {
        var quiet = options.Value.QuietPeriod;
        while (!activity.IsQuietFor(quiet))
        {
            await Task.Delay(quiet, stoppingToken);
        }
    }

    private Task<bool> MakeNextAsync(CancellationToken stoppingToken) => QueuedWorkProcessor.ProcessNextInScopeAsync(
        scopes, services => services.GetRequiredService<AtsQueue>().Table, options.Value, options.Value.MaxAttempts, MakeAsync, What, logger, stoppingToken);

    private static async Task MakeAsync(IServiceProvider services, PendingAtsReport pending, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<JobWiseDbContext>();
        var export = await db.Exports.AsNoTracking().SingleOrDefaultAsync(e => e.Id == pending.ExportId, cancellationToken);
        if (export is not null)
        {
            await services.GetRequiredService<AtsAnalyser>().AnalyseAsync(export, cancellationToken);
        }
    }
}
