namespace JobWise.AppHost;

/// <summary>What the services are wired to, whichever mode supplied it.</summary>
/// <param name="DatabaseServer">The resource to wait for before the database can be used.</param>
/// <param name="Database">The <c>jobwise</c> database connection string.</param>
/// <param name="Cache">The Redis <c>cache</c>.</param>
/// <param name="Storage">The export storage, a connection string named <c>storage</c>.</param>
/// <param name="ConfigureRenderer">Points a service at the renderer of this mode.</param>
public sealed record InfrastructureResources(
    IResourceBuilder<IResource> DatabaseServer,
    IResourceBuilder<IResourceWithConnectionString> Database,
    IResourceBuilder<IResourceWithConnectionString> Cache,
    IResourceBuilder<IResourceWithConnectionString> Storage,
    Action<IResourceBuilder<ProjectResource>> ConfigureRenderer);
