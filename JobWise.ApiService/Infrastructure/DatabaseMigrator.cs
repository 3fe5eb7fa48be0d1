using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace JobWise.ApiService.Infrastructure;

/// <summary>
/// Applies pending migrations: as a step of its own (<c>JobWise.ApiService --migrate</c>, which deployments run before
/// the API starts), or when the API starts (<c>Database:MigrateOnStartup</c>, on by default, for development).
/// A PostgreSQL advisory lock makes replicas that start together against an empty database migrate one after another:
/// the first applies everything, the others then find nothing pending.
/// </summary>
public static class DatabaseMigrator
{
    public const string MigrateOnStartupSetting = "Database:MigrateOnStartup";
    public const string MigrateArgument = "--migrate";

    // Any fixed number, shared by every JobWise process that migrates this database.
    private const long MigrationLockKey = 0x4A6F_6257_6973_6501;
    private static readonly TimeSpan LockWait = TimeSpan.FromMinutes(10);

    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        if (app.Configuration.GetValue(MigrateOnStartupSetting, defaultValue: true))
        {
            await MigrateAsync(app.Services, CancellationToken.None);
        }
    }

    /// <summary>The <c>--migrate</c> step: applies the migrations and gives the process's exit code (0 when done).</summary>
    public static async Task<int> MigrateAndExitAsync(this WebApplication app)
    {
        try
        {
            await MigrateAsync(app.Services, CancellationToken.None);
            app.Logger.LogInformation("Database migrations applied");
            return 0;
        }
        catch (Exception exception)
        {
            app.Logger.LogCritical(exception, "Applying database migrations failed");
            return 1;
        }
    }

    private static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JobWiseDbContext>();
        if (!await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken))
        {
            // Nothing to lock in yet: EF Core creates the database, then migrates it.
            await db.Database.MigrateAsync(cancellationToken);
            return;
        }
        // Opened here, so that the lock, the migrations and the unlock share one session.
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        try
        {
            await ExecuteAsync(connection, $"SELECT pg_advisory_lock({MigrationLockKey})", LockWait, cancellationToken);
            try
            {
                await db.Database.MigrateAsync(cancellationToken);
            }
            finally
            {
                // A closed connection goes back to the pool with its session, so the lock is given back explicitly.
                await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({MigrationLockKey})", TimeSpan.FromSeconds(30), CancellationToken.None);
            }
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    private static async Task ExecuteAsync(System.Data.Common.DbConnection connection, string sql, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = (int)timeout.TotalSeconds;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
