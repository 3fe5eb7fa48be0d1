using System.ComponentModel.DataAnnotations;

namespace JobWise.ApiService.Exports;

public sealed class ExportOptions
{
    public const string SectionName = "Exports";

    /// <summary>How long an export is kept before retention removes it and its file.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RetentionSweepInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Rows (and files) removed per transaction by a sweep.</summary>
    [Range(1, 10_000)]
    public int RetentionBatchSize { get; set; } = 100;

    /// <summary>How often stored files that no export names are looked for and removed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan OrphanSweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How old an unnamed stored file must be before the orphan sweep removes it: a file is stored a moment before
    /// its row is written, and must not be taken for an orphan in that moment.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan OrphanGracePeriod { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A cached download link is reused until this long before it expires.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan LinkRefreshMargin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Files in one batch ZIP (templates × formats).</summary>
    [Range(1, 64)]
    public int MaxBatchFiles { get; set; } = 16;

    [Range(1024, long.MaxValue)]
    public long MaxBatchBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>
    /// Renders of one batch sent to the renderer at once. Those beyond the renderer's slots wait in its queue, so the
    /// renderer's own bounds hold; keep it within <c>Renderer:Slots</c> × replicas + <c>Renderer:QueueLength</c>. 1 renders one after another.
    /// </summary>
    [Range(1, 64)]
    public int BatchParallelism { get; set; } = 4;

    /// <summary>How long a client is asked to wait when a dependency is down.</summary>
    [Range(1, 3600)]
    public int RetryAfterSeconds { get; set; } = 5;
}
