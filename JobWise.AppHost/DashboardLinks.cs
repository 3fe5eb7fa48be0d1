namespace JobWise.AppHost;

/// <summary>Deep links the dashboard shows beside a service's endpoint, to the pages a developer opens first.</summary>
public static class DashboardLinks
{
    /// <summary>The API's Scalar reference (served in Development, which the AppHost runs it in).</summary>
    public static IResourceBuilder<T> WithApiReferenceLink<T>(this IResourceBuilder<T> api) where T : IResourceWithEndpoints =>
        api.WithUrlForEndpoint("http", _ => new ResourceUrlAnnotation { Url = "/scalar", DisplayText = "API reference (Scalar)" });

    /// <summary>The renderer's template catalogue.</summary>
    public static IResourceBuilder<T> WithTemplatesLink<T>(this IResourceBuilder<T> renderer) where T : IResourceWithEndpoints =>
        renderer.WithUrlForEndpoint("http", _ => new ResourceUrlAnnotation { Url = "/templates", DisplayText = "Templates" });
}
