using JobWise.ApiService.Infrastructure;
using JobWise.ApiService.Infrastructure.WorkQueue;
using JobWise.ApiService.Model;

namespace JobWise.ApiService.Ats;

/// <summary>
/// The durable queue of ATS reports still to be made, a PostgreSQL table shared by every API replica. Reports are made
/// in the background so the export itself answers at render speed; one that is never made is made when first asked for.
/// </summary>
public sealed class AtsQueue(JobWiseDbContext db)
{
    public WorkQueueTable<PendingAtsReport> Table { get; } = new(db, "pending_ats_reports", "export_id");

    /// <summary>Queues the export's report; saved with the export by the caller's <c>SaveChanges</c>, so both or neither.</summary>
    public void Enqueue(Export export, DateTimeOffset now) =>
        db.PendingAtsReports.Add(new PendingAtsReport { ExportId = export.Id, QueuedAt = now, AvailableAt = now });
}
