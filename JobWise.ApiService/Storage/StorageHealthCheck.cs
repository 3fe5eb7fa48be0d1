using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace JobWise.ApiService.Storage;

public sealed class StorageHealthCheck(IObjectStorage storage) : IHealthCheck
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
            return new HealthCheckResult(context.Registration.FailureStatus, exception.Message, exception);
        }
    }
}
