namespace JobWise.ApiService.Infrastructure.WorkQueue;

/// <summary>How a queue's items are taken and retried.</summary>
/// <param name="ClaimLease">How long a taken item stays with its replica; if that replica dies, another takes it after this.</param>
/// <param name="MaxAttempts">Attempts before an item is given up.</param>
/// <param name="RetryBackoff">Wait after a failed attempt; doubled after each further one.</param>
/// <param name="MaxRetryBackoff">The longest wait between attempts.</param>
public sealed record WorkQueueSettings(TimeSpan ClaimLease, int MaxAttempts, TimeSpan RetryBackoff, TimeSpan MaxRetryBackoff)
{
    /// <summary>The wait after the <paramref name="attempts"/>-th failed attempt.</summary>
    public TimeSpan BackoffAfter(int attempts)
    {
        // 2^20 × the backoff is far past any cap; stopping there keeps the arithmetic in range.
        var doubled = RetryBackoff * Math.Pow(2, Math.Clamp(attempts - 1, 0, 20));
        return doubled < MaxRetryBackoff ? doubled : MaxRetryBackoff;
    }
}
