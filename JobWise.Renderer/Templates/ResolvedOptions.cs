namespace JobWise.Renderer.Templates;

/// <summary>The template's defaults overlaid with the request's options, all checked.</summary>
public sealed record ResolvedOptions(
    string FontFamily,
    string AccentColor,
    double FontSize,
    double LineSpacing,
    double MarginsMm,
    string PageSize,
    string DateFormat)
{
    /// <summary>Accent without the leading '#', as Word wants it.</summary>
    public string AccentHex => AccentColor.TrimStart('#');
}
