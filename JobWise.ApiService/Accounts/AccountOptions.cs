using System.ComponentModel.DataAnnotations;
using JobWise.ApiService.Infrastructure.WorkQueue;

namespace JobWise.ApiService.Accounts;

/// <summary>
/// Account deletion and the data archive. A deletion is a durable job in a queue (the <see cref="QueueOptions"/>
/// settings: <c>Account:PollInterval</c>, <c>Account:ClaimLease</c>, <c>Account:RetryBackoff</c>,
/// <c>Account:MaxRetryBackoff</c>), retried with a growing backoff and never given up.
/// </summary>
public sealed class AccountOptions() : QueueOptions(
    pollInterval: TimeSpan.FromSeconds(2), claimLease: TimeSpan.FromMinutes(5), retryBackoff: TimeSpan.FromSeconds(10), maxRetryBackoff: TimeSpan.FromMinutes(10))
{
    public const string SectionName = "Account";

    /// <summary>How long the request that asks for a deletion works on it itself before answering 202 and leaving it to the worker.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:30")]
    public TimeSpan InlineDeletionBudget { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Exports (rows and files) removed per transaction while deleting an account.</summary>
    [Range(1, 10_000)]
    public int DeletionBatchSize { get; set; } = 100;

    /// <summary>How long a finished deletion's progress can still be looked up (it names no user by then).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan FinishedDeletionRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The largest data archive made; an account holding more is told to delete some exports first.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxArchiveBytes { get; set; } = 500L * 1024 * 1024;
}
