namespace JobWise.AppHost;

/// <summary>
/// PostgreSQL and Redis as Aspire's pinned containers, S3 and the renderer from the project's own images
/// (<c>./jobwise images</c>: Swift with s3api, and the renderer with Debian's Chromium and the template fonts, so a
/// developer on macOS or Windows gets PDFs). MinIO's Docker Hub images are gone since September 2026.
/// </summary>
public static class ContainerInfrastructure
{
    public const string ImageTag = "local";
    public const string StorageImage = "localhost/jobwise-s3";
    public const string RendererImage = "localhost/jobwise-renderer";
    private const int ImagePort = 8080;

    public static InfrastructureResources AddContainerInfrastructure(this IDistributedApplicationBuilder builder)
    {
        var postgres = builder.AddPostgres("postgres").WithDataVolume();
        var database = postgres.AddDatabase("jobwise");
        var cache = builder.AddRedis("cache").WithDataVolume();

        // tempauth's form of an access key: account:user.
        const string storageUser = "jobwise:apphost";
        var storagePassword = builder.AddParameter("storage-secret-key",
            new GenerateParameterDefault { MinLength = 24, Special = false }, secret: true, persist: true);
        var storage = builder.AddResource(new SwiftS3Resource(StorageResources.Name, storageUser, storagePassword.Resource))
            .WithImage(StorageImage, ImageTag)
            .WithVolume("jobwise-storage", "/srv/node/d1")
            .WithEnvironment("S3_ACCESS_KEY", storageUser)
            .WithEnvironment("S3_SECRET_KEY", storagePassword)
            .WithHttpEndpoint(targetPort: ImagePort, name: SwiftS3Resource.EndpointName)
            .WithHttpHealthCheck("/healthcheck");

        var renderer = builder.AddContainer(RendererResource.Name, RendererImage, ImageTag)
            .WithHttpEndpoint(targetPort: ImagePort, name: "http")
            .AsRenderer();

        return new InfrastructureResources(postgres, database, cache, storage,
            ConfigureRenderer: service => service.WithEnvironment("services__renderer__http__0", renderer.GetEndpoint("http")));
    }
}
