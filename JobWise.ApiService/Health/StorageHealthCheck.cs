using JobWise.ApiService.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace JobWise.ApiService.Health;

/// <summary>A read-only probe of the export storage; the report names the failure's type, never its message.</summary>
public sealed class StorageHealthCheck(IObjectStorage storage, ILogger<StorageHealthCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await storage.ProbeAsync(cancellationToken);
            return HealthCheckResult.Healthy(storage.GetType().Name);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Storage health probe failed");
            return new HealthCheckResult(context.Registration.FailureStatus, $"storage did not answer ({exception.GetType().Name})");
        }
    }
}
