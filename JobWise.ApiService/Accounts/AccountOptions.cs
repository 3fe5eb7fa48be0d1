using System.ComponentModel.DataAnnotations;

namespace JobWise.ApiService.Accounts;

/// <summary>Account deletion (a durable, retried job) and the data archive.</summary>
public sealed class AccountOptions
{
    public const string SectionName = "Account";

    /// <summary>How long the request that asks for a deletion works on it itself before answering 202 and leaving it to the worker.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:30")]
    public TimeSpan InlineDeletionBudget { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How often an idle replica looks for deletions to carry out (asked for on any replica).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan DeletionPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a taken deletion stays with its replica; if that replica dies, another takes it after this.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan DeletionLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Wait after a failed attempt; doubled after each further one, up to <see cref="MaxDeletionRetryBackoff"/>. Never given up.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan DeletionRetryBackoff { get; set; } = TimeSpan.FromSeconds(10);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxDeletionRetryBackoff { get; set; } = TimeSpan.FromMinutes(10);

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
