using System.ComponentModel.DataAnnotations;

namespace JobWise.Renderer.Browser;

/// <summary>The render slots in front of Chromium (section <c>Renderer</c>).</summary>
public sealed class BrowserPoolOptions
{
    public const string SectionName = "Renderer";

    /// <summary>Concurrent renders, one reused page each. Default: the number of cores, at most 6.</summary>
    [Range(1, 64)]
    public int Slots { get; set; } = Math.Min(Environment.ProcessorCount, 6);

    /// <summary>Renders allowed to wait for a slot; one more is answered 429 at once. Default 16.</summary>
    [Range(0, 10_000)]
    public int QueueLength { get; set; } = 16;

    /// <summary>Whole-render deadline, waiting included. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RenderTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Chromium is replaced after this many renders, to bound memory growth. 0 turns recycling off. Default 1000.</summary>
    [Range(0, int.MaxValue)]
    public int RecycleAfterRenders { get; set; } = 1000;
}
