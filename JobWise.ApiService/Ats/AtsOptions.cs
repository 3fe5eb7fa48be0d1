using System.ComponentModel.DataAnnotations;
using JobWise.ApiService.Infrastructure.WorkQueue;

namespace JobWise.ApiService.Ats;

public sealed class AtsOptions
{
    public const string SectionName = "Ats";

    /// <summary>Make each export's report in the background right after it is stored (else only when asked for).</summary>
    public bool AnalyseAfterExport { get; set; } = true;

    /// <summary>A replica takes pending reports only once it has made no export for this long.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan QuietPeriod { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>How often an idle replica looks for pending reports (queued by itself or by any other replica).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a taken report stays with its replica; if that replica dies, another takes it after this.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Attempts before a report is left to be made when first asked for.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait after a failed attempt; doubled after each further one.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The ATS backlog gauge counts the queue at most this often, however often metrics are collected.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan BacklogCountInterval { get; set; } = TimeSpan.FromSeconds(10);

    // Uncapped in effect: with at most 100 attempts a day between them is already more than any report is worth.
    public WorkQueueSettings Queue => new(ClaimLease, MaxAttempts, RetryBackoff, TimeSpan.FromDays(1));
}
