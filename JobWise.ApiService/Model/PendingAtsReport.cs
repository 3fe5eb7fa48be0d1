namespace JobWise.ApiService.Model;

/// <summary>
/// An export whose ATS report is still to be made: a row of the work queue any API replica takes from. Written in the
/// same transaction as its export, so a report is never lost to a restart; it goes when the report is made or given up.
/// </summary>
public sealed class PendingAtsReport : IQueuedWork
{
    public Guid ExportId { get; set; }
    /// <summary>How many times a replica has taken it.</summary>
    public int Attempts { get; set; }
    /// <summary>Not taken before this: the retry backoff, or the lease of the replica working on it.</summary>
    public DateTimeOffset AvailableAt { get; set; }
    public DateTimeOffset QueuedAt { get; set; }

    Guid IQueuedWork.QueueKey => ExportId;
}
