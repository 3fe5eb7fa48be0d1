using Npgsql;
using StackExchange.Redis;

namespace JobWise.Tests.Infrastructure;

public sealed class InfrastructureFixtureTests(PostgresServer postgres, RedisServer redis)
{
    [Fact]
    public async Task Postgres_fixture_serves_a_fresh_database_per_request()
    {
        var first = await postgres.CreateDatabaseAsync("fixture");
        var second = await postgres.CreateDatabaseAsync("fixture");
        Assert.NotEqual(first, second);

        await using var connection = new NpgsqlConnection(first);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SELECT version()", connection);
        var version = (string?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
        Assert.StartsWith("PostgreSQL", version);
    }

    [Fact]
    public async Task Redis_fixture_stores_and_reads_back_a_value()
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var db = connection.GetDatabase();
        await db.StringSetAsync("fixture-key", "value");
        Assert.Equal("value", (string?)await db.StringGetAsync("fixture-key"));
    }
}
