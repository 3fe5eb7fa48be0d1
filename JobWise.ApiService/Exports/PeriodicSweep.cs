using JobWise.ApiService.Diagnostics;

namespace JobWise.ApiService.Exports;

/// <summary>
/// Runs a background sweep every interval until the host stops. A failed sweep is logged and tried again at the next
/// tick, so an outage of the database or storage delays the work and stops nothing.
/// </summary>
public static class PeriodicSweep
{
    public static async Task RunAsync(
        string name, TimeSpan interval, bool runAtStart, Func<CancellationToken, Task<int>> sweep, Action<int> reportRemoved,
        ILogger logger, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval);
        if (!runAtStart && !await timer.WaitForNextTickAsync(stoppingToken))
        {
            return;
        }
        do
        {
            try
            {
                using var span = ApiTelemetry.Start(ApiTelemetry.Sweep(name));
                var removed = await sweep(stoppingToken);
                span?.SetTag("jobwise.sweep.removed", removed);
                if (removed > 0)
                {
                    reportRemoved(removed);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "The {Sweep} sweep failed; it runs again in {Interval}", name, interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
