using System.ComponentModel.DataAnnotations;

namespace JobWise.Renderer.Browser;

public sealed class ChromiumOptions
{
    public const string SectionName = "Chromium";

    /// <summary>The machine's Chromium; a browser is never downloaded.</summary>
    [Required]
    public string ExecutablePath { get; set; } = "/usr/bin/chromium";

    /// <summary>How long launching Chromium may take before the renderer reports it unavailable.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan LaunchTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
