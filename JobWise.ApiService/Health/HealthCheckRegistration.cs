using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace JobWise.ApiService.Health;

public static class HealthCheckRegistration
{
    /// <summary>What <c>/health/ready</c> reports for the API: every dependency it has, each with the status its failure means.</summary>
    public static IHostApplicationBuilder AddApiHealthChecks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<StorageHealthCheck>("storage")
            // Download links are made fresh when the cache is down: degraded, not unavailable.
            .AddCheck<CacheHealthCheck>("cache", failureStatus: HealthStatus.Degraded)
            // Exports need the renderer, the rest of the API does not: report it without taking the API out of rotation.
            .AddCheck<RendererHealthCheck>("renderer", failureStatus: HealthStatus.Degraded);
        return builder;
    }
}
