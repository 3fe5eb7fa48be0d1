namespace JobWise.Renderer;

/// <summary>Names the renderer's assembly for hosts such as WebApplicationFactory, where the API's Program would be ambiguous.</summary>
public sealed class RendererMarker;
