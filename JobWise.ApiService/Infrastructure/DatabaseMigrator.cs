using Microsoft.EntityFrameworkCore;

namespace JobWise.ApiService.Infrastructure;

/// <summary>
/// Applies pending migrations before the API takes requests (<c>Database:MigrateOnStartup</c>, on by default).
/// EF Core takes a database lock, so replicas starting together apply them once.
/// </summary>
public static class DatabaseMigrator
{
    public const string MigrateOnStartupSetting = "Database:MigrateOnStartup";

    /// <summary>The command-line switch that applies migrations and exits (a deployment's migration step).</summary>
    public const string MigrateAndExitSwitch = "--migrate";

    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        if (!app.Configuration.GetValue(MigrateOnStartupSetting, defaultValue: true))
        {
            return;
        }
        await app.ApplyMigrationsAsync();
    }

    public static async Task ApplyMigrationsAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JobWiseDbContext>();
        await db.Database.MigrateAsync();
    }
}
