namespace JobWise.Renderer.Templates;

public sealed class TemplateStoreOptions
{
    public const string SectionName = "Renderer";

    /// <summary>
    /// The templates folder. Default: <c>templates/</c> next to the binaries (copied there by the build and publish),
    /// else the first <c>templates/</c> found walking up from the content root.
    /// </summary>
    public string? TemplatesPath { get; set; }
}
