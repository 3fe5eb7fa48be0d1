using JobWise.ApiService.Health;
using JobWise.ApiService.Infrastructure;
using JobWise.ApiService.Rendering;
using JobWise.ApiService.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace JobWise.ApiService.Extensions;

public static class ApplicationServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<JobWiseDbContext>("jobwise",
            settings => settings.DisableHealthChecks = true,
            options => options.UseSnakeCaseNamingConvention());
        builder.AddRedisClient("cache", settings => settings.DisableHealthChecks = true);
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            // Download links are made fresh when the cache is down: degraded, not unavailable.
            .AddCheck<CacheHealthCheck>("cache", failureStatus: HealthStatus.Degraded);
        builder.AddObjectStorage();
        builder.AddRendererClient();
        return builder;
    }

    public static WebApplication MapApplicationApis(this WebApplication app)
    {
        return app;
    }
}
