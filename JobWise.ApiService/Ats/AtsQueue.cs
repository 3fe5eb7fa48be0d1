using JobWise.ApiService.Infrastructure;
using JobWise.ApiService.Model;
using Microsoft.EntityFrameworkCore;

namespace JobWise.ApiService.Ats;

/// <summary>
/// The durable queue of ATS reports still to be made, a PostgreSQL table shared by every API replica. Reports are made
/// in the background so the export itself answers at render speed; one that is never made is made when first asked for.
/// </summary>
public sealed class AtsQueue(JobWiseDbContext db)
{
    /// <summary>Queues the export's report; saved with the export by the caller's <c>SaveChanges</c>, so both or neither.</summary>
    public void Enqueue(Export export, DateTimeOffset now) =>
        db.PendingAtsReports.Add(new PendingAtsReport { ExportId = export.Id, QueuedAt = now, AvailableAt = now });

    /// <summary>
    /// Takes the pending report available longest, if any, and holds it for <paramref name="lease"/>. SKIP LOCKED lets
    /// replicas take at once without waiting on each other or taking the same one; the database's clock decides.
    /// </summary>
    public async Task<PendingAtsReport?> TakeAsync(TimeSpan lease, CancellationToken cancellationToken)
    {
        var taken = await db.PendingAtsReports.FromSql($"""
            UPDATE pending_ats_reports SET attempts = attempts + 1, available_at = now() + {lease}
            WHERE export_id = (
                SELECT export_id FROM pending_ats_reports WHERE available_at <= now()
                ORDER BY available_at LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING *
            """).AsNoTracking().ToListAsync(cancellationToken);
        return taken.SingleOrDefault();
    }

    public Task CompleteAsync(Guid exportId, CancellationToken cancellationToken) =>
        db.PendingAtsReports.Where(pending => pending.ExportId == exportId).ExecuteDeleteAsync(cancellationToken);

    public Task RetryLaterAsync(Guid exportId, TimeSpan backoff, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"UPDATE pending_ats_reports SET available_at = now() + {backoff} WHERE export_id = {exportId}", cancellationToken);
}
