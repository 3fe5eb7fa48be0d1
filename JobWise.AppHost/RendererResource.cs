namespace JobWise.AppHost;

/// <summary>The renderer node, whichever mode runs it (a project locally, a container in <c>containers</c> mode).</summary>
public static class RendererResource
{
    public const string Name = "renderer";

    /// <summary>What every mode's renderer has: readiness (its Chromium answers) and the link to its template catalogue.</summary>
    public static IResourceBuilder<T> AsRenderer<T>(this IResourceBuilder<T> renderer) where T : IResourceWithEndpoints =>
        renderer.WithHttpHealthCheck("/health/ready").WithTemplatesLink();
}
