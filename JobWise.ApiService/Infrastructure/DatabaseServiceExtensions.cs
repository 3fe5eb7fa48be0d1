using Microsoft.EntityFrameworkCore;

namespace JobWise.ApiService.Infrastructure;

public static class DatabaseServiceExtensions
{
    public const string ConnectionName = "jobwise";

    public static IHostApplicationBuilder AddJobWiseDatabase(this IHostApplicationBuilder builder)
    {
        // Health is reported by DatabaseHealthCheck, which bounds its own time; Aspire's check would not.
        builder.AddNpgsqlDbContext<JobWiseDbContext>(ConnectionName,
            settings => settings.DisableHealthChecks = true,
            options => options.UseSnakeCaseNamingConvention());
        return builder;
    }
}
