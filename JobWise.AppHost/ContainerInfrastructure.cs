namespace JobWise.AppHost;

/// <summary>PostgreSQL, Redis and MinIO as containers, for machines with a container runtime and for deployment.</summary>
public static class ContainerInfrastructure
{
    private const string MinioImage = "minio/minio";
    private const string MinioTag = "RELEASE.2025-04-22T22-12-26Z";
    private const int MinioApiPort = 9000;

    public static InfrastructureResources AddContainerInfrastructure(this IDistributedApplicationBuilder builder)
    {
        var postgres = builder.AddPostgres("postgres").WithDataVolume();
        var database = postgres.AddDatabase("jobwise");
        var cache = builder.AddRedis("cache").WithDataVolume();

        var storageUser = builder.AddParameter("storage-access-key", "jobwise");
        var storagePassword = builder.AddParameter("storage-secret-key",
            new GenerateParameterDefault { MinLength = 24, Special = false }, secret: true, persist: true);
        var storage = builder.AddContainer("storage", MinioImage, MinioTag)
            .WithArgs("server", "/data")
            .WithVolume("jobwise-storage", "/data")
            .WithEnvironment("MINIO_ROOT_USER", storageUser)
            .WithEnvironment("MINIO_ROOT_PASSWORD", storagePassword)
            .WithHttpEndpoint(targetPort: MinioApiPort, name: "http")
            .WithHttpHealthCheck("/minio/health/live");

        return new InfrastructureResources(
            postgres,
            database,
            cache,
            service => service
                .WithEnvironment("Storage__Provider", "s3")
                .WithEnvironment("Storage__S3__ServiceUrl", storage.GetEndpoint("http"))
                .WithEnvironment("Storage__S3__AccessKey", storageUser)
                .WithEnvironment("Storage__S3__SecretKey", storagePassword)
                .WaitFor(storage));
    }
}
