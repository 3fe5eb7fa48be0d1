using System.Collections.Concurrent;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Runs the checks at most once per <see cref="HealthEndpointOptions.CacheDuration"/> for each endpoint's predicate, and lets
/// concurrent probes share the run in flight, so a burst of probes (several platforms, replicas, dashboards) costs one
/// database query, one Redis ping and one renderer call.
/// </summary>
public sealed class CachedHealthCheckService(HealthCheckService inner, IOptions<HealthEndpointOptions> options, TimeProvider time)
    : HealthCheckService
{
    private static readonly object EveryCheck = new();
    private readonly ConcurrentDictionary<object, CachedRun> _runs = new();

    public override Task<HealthReport> CheckHealthAsync(
        Func<HealthCheckRegistration, bool>? predicate, CancellationToken cancellationToken = default)
    {
        var key = (object?)predicate ?? EveryCheck;
        var now = time.GetUtcNow();
        var run = _runs.AddOrUpdate(
            key,
            _ => Start(predicate),
            (_, cached) => cached.IsFreshAt(now) ? cached : Start(predicate));
        // The shared run ignores one caller's cancellation (the other callers still want it); each check has its own timeout.
        return run.Report.WaitAsync(cancellationToken);
    }

    private CachedRun Start(Func<HealthCheckRegistration, bool>? predicate)
    {
        var run = new CachedRun();
        run.Report = RunAsync(run, predicate);
        return run;
    }

    private async Task<HealthReport> RunAsync(CachedRun run, Func<HealthCheckRegistration, bool>? predicate)
    {
        await Task.Yield();
        var report = await inner.CheckHealthAsync(predicate, CancellationToken.None);
        // Fresh from when it finished, so that slow checks do not leave a report that is stale on arrival.
        run.FreshUntil = time.GetUtcNow() + options.Value.CacheDuration;
        return report;
    }

    private sealed class CachedRun
    {
        public Task<HealthReport> Report { get; set; } = Task.FromResult(new HealthReport(new Dictionary<string, HealthReportEntry>(), TimeSpan.Zero));

        public DateTimeOffset FreshUntil { get; set; } = DateTimeOffset.MaxValue;

        // A run still in flight is shared however long it takes; a finished one is reused until it is stale.
        public bool IsFreshAt(DateTimeOffset now) => !Report.IsCompleted || now < FreshUntil;
    }
}
