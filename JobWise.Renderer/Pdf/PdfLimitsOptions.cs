using System.ComponentModel.DataAnnotations;

namespace JobWise.Renderer.Pdf;

/// <summary>What one document may cost (section <c>Renderer</c>).</summary>
public sealed class PdfLimitsOptions
{
    public const string SectionName = "Renderer";

    /// <summary>Longest PDF printed; longer documents are refused (422). Default 20.</summary>
    [Range(1, 1000)]
    public int MaxPages { get; set; } = 20;

    /// <summary>Largest HTML a document may lay out to; larger is refused (413). Default 2 MiB.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxHtmlBytes { get; set; } = 2 * 1024 * 1024;
}
