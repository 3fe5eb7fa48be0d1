using JobWise.ApiService.Model;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace JobWise.ApiService.Infrastructure.WorkQueue;

/// <summary>
/// A durable work queue kept in a PostgreSQL table with <c>attempts</c> and <c>available_at</c> columns, shared by every
/// API replica. An item is taken under a lease (its <c>available_at</c> moved past the lease): if the replica working on
/// it dies, another takes it once the lease has passed. SKIP LOCKED lets replicas take at once without waiting on each
/// other or taking the same item; the database's clock decides.
/// </summary>
public sealed class WorkQueueTable<TItem> where TItem : class, IQueuedWork
{
    private readonly DbContext _db;
    private readonly string _takeSql;
    private readonly string _completeSql;
    private readonly string _retryLaterSql;

    /// <param name="table">The table's name; a constant of the caller, never input.</param>
    /// <param name="keyColumn">Its primary-key column (a uuid).</param>
    public WorkQueueTable(DbContext db, string table, string keyColumn)
    {
        _db = db;
        _takeSql = $"""
            UPDATE {table} SET attempts = attempts + 1, available_at = now() + @lease
            WHERE {keyColumn} = (
                SELECT {keyColumn} FROM {table} WHERE available_at <= now()
                ORDER BY available_at LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING *
            """;
        _completeSql = $"DELETE FROM {table} WHERE {keyColumn} = @key";
        _retryLaterSql = $"UPDATE {table} SET available_at = now() + @backoff WHERE {keyColumn} = @key";
    }

    /// <summary>Takes the item available longest, if any, and holds it for <paramref name="lease"/>.</summary>
    public async Task<TItem?> TakeAsync(TimeSpan lease, CancellationToken cancellationToken)
    {
        var taken = await _db.Set<TItem>().FromSqlRaw(_takeSql, new NpgsqlParameter("lease", lease))
            .AsNoTracking().ToListAsync(cancellationToken);
        return taken.SingleOrDefault();
    }

    /// <summary>Removes a done (or given-up) item.</summary>
    public Task CompleteAsync(Guid key, CancellationToken cancellationToken) =>
        _db.Database.ExecuteSqlRawAsync(_completeSql, [new NpgsqlParameter("key", key)], cancellationToken);

    /// <summary>Puts a failed item back, to be taken again after <paramref name="backoff"/>.</summary>
    public Task RetryLaterAsync(Guid key, TimeSpan backoff, CancellationToken cancellationToken) =>
        _db.Database.ExecuteSqlRawAsync(_retryLaterSql, [new NpgsqlParameter("key", key), new NpgsqlParameter("backoff", backoff)],
            cancellationToken);
}
