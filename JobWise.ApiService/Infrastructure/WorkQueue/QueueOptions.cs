using System.ComponentModel.DataAnnotations;

namespace JobWise.ApiService.Infrastructure.WorkQueue;

/// <summary>
/// The settings every durable queue of the API has (ATS reports, mail, account deletions), under its own section:
/// <c>PollInterval</c>, <c>ClaimLease</c>, <c>RetryBackoff</c> and <c>MaxRetryBackoff</c>. Each queue gives its defaults.
/// </summary>
public abstract class QueueOptions(TimeSpan pollInterval, TimeSpan claimLease, TimeSpan retryBackoff, TimeSpan maxRetryBackoff)
{
    /// <summary>How often an idle replica looks for items (queued by itself or by any other replica).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = pollInterval;

    /// <summary>How long a taken item stays with its replica; if that replica dies, another takes it after this.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ClaimLease { get; set; } = claimLease;

    /// <summary>Wait after a failed attempt, doubled after each further one up to <see cref="MaxRetryBackoff"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan RetryBackoff { get; set; } = retryBackoff;

    [Range(typeof(TimeSpan), "00:00:00.050", "1.00:00:00")]
    public TimeSpan MaxRetryBackoff { get; set; } = maxRetryBackoff;

    /// <summary>The wait after the <paramref name="attempts"/>-th failed attempt.</summary>
    public TimeSpan BackoffAfter(int attempts)
    {
        // 2^20 × the backoff is far past any cap; stopping there keeps the arithmetic in range.
        var doubled = RetryBackoff * Math.Pow(2, Math.Clamp(attempts - 1, 0, 20));
        return doubled < MaxRetryBackoff ? doubled : MaxRetryBackoff;
    }
}
