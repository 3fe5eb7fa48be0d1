using System.Diagnostics;

namespace JobWise.Renderer.Diagnostics;

/// <summary>
/// The renderer's own spans (ActivitySource <see cref="Name"/>, registered by ServiceDefaults). Each span is a child of
/// the incoming request's span, which continues the API's trace through the <c>traceparent</c> header.
/// </summary>
public static class RendererTelemetry
{
    public const string Name = "JobWise.Renderer";

    public const string Render = "render";
    public const string QueueWait = "render queue wait";
    public const string ChromiumPrint = "chromium print";
    public const string PageRaster = "pdf page raster";
    public const string DocxBuild = "docx build";

    private static readonly ActivitySource Source = new(Name);

    /// <summary>A span of ours, or null when nobody listens (then tagging it costs nothing).</summary>
    public static Activity? Start(string spanName) => Source.StartActivity(spanName);
}
