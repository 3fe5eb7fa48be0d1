using System.Net;
using JobWise.Tests.Infrastructure;
using Npgsql;

namespace JobWise.Tests.ScaleOut;

public sealed class MigrationTests(PostgresServer postgres, RedisServer redis)
{
    [Fact]
    public async Task The_migrate_step_applies_every_migration_exits_zero_and_finds_nothing_to_do_the_second_time()
    {
        using var storage = new TemporaryDirectory("storage");
        var connectionString = await postgres.CreateDatabaseAsync("migrate");
        var settings = ApiServerProcess.Settings(connectionString, redis.ConnectionString, storage.Path);

        var first = await ApiServerProcess.MigrateAsync(settings);
        Assert.True(first.ExitCode == 0, first.Output);
        var applied = await AppliedMigrationsAsync(connectionString);
        Assert.NotEmpty(applied);
        Assert.Equal(applied.Distinct(), applied);
        Assert.True(await TableExistsAsync(connectionString, "pending_ats_reports"));

        var second = await ApiServerProcess.MigrateAsync(settings);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Equal(applied, await AppliedMigrationsAsync(connectionString));
    }

    [Fact]
    public async Task The_migrate_step_exits_non_zero_when_the_database_cannot_be_reached()
    {
        using var storage = new TemporaryDirectory("storage");
        var unreachable = $"Host=127.0.0.1;Port={FreePort.Next()};Username=postgres;Password=x;Database=jobwise;Timeout=3";
        var settings = ApiServerProcess.Settings(unreachable, redis.ConnectionString, storage.Path);
        // EF Core's retries would only make the same answer take a minute.
        settings["Aspire:Npgsql:EntityFrameworkCore:PostgreSQL:DisableRetry"] = "true";
        var step = await ApiServerProcess.MigrateAsync(settings);
        Assert.NotEqual(0, step.ExitCode);
    }

    [Fact]
    public async Task Two_replicas_started_at_once_against_an_empty_database_are_both_healthy_with_one_schema()
    {
        using var storage = new TemporaryDirectory("storage");
        var connectionString = await postgres.CreateDatabaseAsync("race");
        var settings = ApiServerProcess.Settings(connectionString, redis.ConnectionString, storage.Path);
        settings["Database:MigrateOnStartup"] = "true";

        // Readiness on /health: it answers only once start-up, migrations included, is over, and checks the database.
        var starting = Enumerable.Range(0, 2).Select(_ => ApiServerProcess.StartAsync(settings, "/health")).ToList();
        var replicas = await Task.WhenAll(starting);
        try
        {
            using var http = new HttpClient();
            foreach (var replica in replicas)
            {
                using var health = await http.GetAsync($"{replica.Url}/health", TestContext.Current.CancellationToken);
                Assert.True(health.StatusCode == HttpStatusCode.OK, replica.Output);
            }
            var applied = await AppliedMigrationsAsync(connectionString);
            Assert.NotEmpty(applied);
            Assert.Equal(applied.Distinct(), applied);
        }
        finally
        {
            foreach (var replica in replicas)
            {
                await replica.DisposeAsync();
            }
        }
    }

    private static async Task<List<string>> AppliedMigrationsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SELECT migration_id FROM \"__EFMigrationsHistory\" ORDER BY migration_id", connection);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var ids = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }

    private static async Task<bool> TableExistsAsync(string connectionString, string table)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SELECT to_regclass(@table) IS NOT NULL", connection);
        command.Parameters.AddWithValue("table", table);
        return (bool)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
