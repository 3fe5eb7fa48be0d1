using Microsoft.EntityFrameworkCore;

namespace JobWise.ApiService.Infrastructure;

public static class DatabaseServiceExtensions
{
    public const string ConnectionName = "jobwise";

    // A blip (a failover, a restart) is ridden out by retrying; an outage is answered with 503 and Retry-After within
    // about five seconds, instead of after the minute the default retries take (6 retries, up to 30 s apart).
    private const int MaxRetryCount = 4;
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(2);

    public static IHostApplicationBuilder AddJobWiseDatabase(this IHostApplicationBuilder builder)
    {
        // Health is reported by DatabaseHealthCheck, which bounds its own time; Aspire's check would not.
        builder.AddNpgsqlDbContext<JobWiseDbContext>(ConnectionName,
            settings => settings.DisableHealthChecks = true,
            options => options
                .UseNpgsql(npgsql => npgsql.EnableRetryOnFailure(MaxRetryCount, MaxRetryDelay, errorCodesToAdd: null))
                .UseSnakeCaseNamingConvention());
        return builder;
    }
}
