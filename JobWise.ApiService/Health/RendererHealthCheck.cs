using JobWise.ApiService.Rendering;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace JobWise.ApiService.Health;

public sealed class RendererHealthCheck(RendererClient renderer) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await renderer.IsAliveAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : new HealthCheckResult(context.Registration.FailureStatus, "renderer answered with an error");
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"the renderer did not answer ({exception.GetType().Name})");
        }
    }
}
