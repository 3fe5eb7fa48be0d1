using System.ComponentModel.DataAnnotations;
using JobWise.ApiService.Infrastructure.WorkQueue;

namespace JobWise.ApiService.Ats;

// A failed report is tried again after 10 s, doubled each time, up to a day between attempts: with at most 100
// attempts that is uncapped in effect.
public sealed class AtsOptions() : QueueOptions(
    pollInterval: TimeSpan.FromSeconds(1), claimLease: TimeSpan.FromMinutes(2), retryBackoff: TimeSpan.FromSeconds(10), maxRetryBackoff: TimeSpan.FromDays(1))
{
    public const string SectionName = "Ats";

    /// <summary>Make each export's report in the background right after it is stored (else only when asked for).</summary>
    public bool AnalyseAfterExport { get; set; } = true;

    /// <summary>A replica takes pending reports only once it has made no export for this long.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan QuietPeriod { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Attempts before a report is left to be made when first asked for.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The ATS backlog gauge counts the queue at most this often, however often metrics are collected.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan BacklogCountInterval { get; set; } = TimeSpan.FromSeconds(10);
}
