using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace JobWise.Renderer.Browser;

/// <summary>
/// Healthy when the pool's Chromium answers a browser-level CDP call (Browser.getVersion). It never takes a render slot
/// or prints, so under a full queue it still answers in milliseconds; it launches Chromium if none runs yet.
/// </summary>
public sealed class ChromiumHealthCheck(ChromiumHost chromium, PagePool pool) : IHealthCheck
{
    private static readonly TimeSpan HeartbeatTimeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var instance = await chromium.GetInstanceAsync(cancellationToken);
            var started = Stopwatch.GetTimestamp();
            using var heartbeat = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, instance.Lost);
            heartbeat.CancelAfter(HeartbeatTimeout);
            await instance.Browser.GetVersionAsync().WaitAsync(heartbeat.Token);
            return HealthCheckResult.Healthy(
                $"Chromium generation {instance.Generation} answered in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F1} ms; {instance.Active} renders running, {pool.QueueDepth} queued");
        }
        catch (RenderRejectedException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Chromium could not be started");
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"Chromium did not answer its heartbeat ({exception.GetType().Name})");
        }
    }
}
