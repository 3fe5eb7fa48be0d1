using JobWise.ApiService.Auth;
using JobWise.ApiService.Infrastructure;
using JobWise.ApiService.Model;
using JobWise.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StackExchange.Redis;

namespace JobWise.Tests.Accounts;

/// <summary>What of a user is left: rows in PostgreSQL, keys in Redis. Tables are found from the EF model, not listed by hand.</summary>
public static class AccountChecks
{
    /// <summary>Rows naming the user, per table.column: the users row itself and every column that is a user id.</summary>
    public static async Task<Dictionary<string, long>> RowsOfUserAsync(ApiHost host, Guid userId)
    {
        var counts = new Dictionary<string, long>();
        await using var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        foreach (var (table, column) in UserColumns(host))
        {
            await using var command = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\" WHERE \"{column}\" = @id", connection);
            command.Parameters.AddWithValue("id", userId);
            counts[$"{table}.{column}"] = (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
        }
        return counts;
    }

    /// <summary>(table, column) of every column that holds a user's id: foreign keys to users, properties named UserId, users' key.</summary>
    public static IReadOnlyList<(string Table, string Column)> UserColumns(ApiHost host)
    {
        using var scope = host.Factory.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<JobWiseDbContext>().Model;
        var userType = model.FindEntityType(typeof(User))!;
        var columns = new List<(string, string)>();
        foreach (var type in model.GetEntityTypes())
        {
            var table = type.GetTableName()!;
            var store = StoreObjectIdentifier.Table(table, type.GetSchema());
            var properties = type.GetForeignKeys().Where(fk => fk.PrincipalEntityType == userType).SelectMany(fk => fk.Properties)
                .Concat(type.GetProperties().Where(p => p.Name == nameof(Export.UserId)));
            if (type == userType)
            {
                properties = properties.Concat(type.FindPrimaryKey()!.Properties);
            }
            columns.AddRange(properties.Select(p => p.GetColumnName(store)!).Distinct().Select(column => (table, column)));
        }
        return columns;
    }

    /// <summary>Redis keys naming the user's id or the digest its sign-in limits use for the account's email.</summary>
    public static async Task<List<string>> RedisKeysOfAsync(ApiHost host, SignedInUser user)
    {
        var redis = host.Factory.Services.GetRequiredService<IConnectionMultiplexer>();
        var accountKey = AuthRateLimiter.AccountKey(user.Email.Trim().ToLowerInvariant());
        var keys = new List<string>();
        foreach (var server in redis.GetServers())
        {
            foreach (var pattern in new[] { $"*{user.Id:N}*", $"*{accountKey}*" })
            {
                await foreach (var key in server.KeysAsync(pattern: pattern))
                {
                    keys.Add(key.ToString());
                }
            }
        }
        return keys;
    }
}
