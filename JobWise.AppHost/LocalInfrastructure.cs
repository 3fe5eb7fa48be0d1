namespace JobWise.AppHost;

/// <summary>
/// PostgreSQL and Redis from the machine's own packages as executable resources and storage on local disk, all under
/// a git-ignored state folder; the renderer as a project using the machine's Chromium. No container resource is created: without an engine it would wait forever.
/// </summary>
public static class LocalInfrastructure
{
    public const string StateDirectorySetting = "Infrastructure:StateDirectory";

    public static InfrastructureResources AddLocalInfrastructure(this IDistributedApplicationBuilder builder)
    {
        var stateDirectory = ResolveStateDirectory(builder);
        var repositoryRoot = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));

        var postgresPassword = builder.AddParameter("postgres-password",
            new GenerateParameterDefault { MinLength = 24, Special = false }, secret: true, persist: true);
        var postgres = builder.AddResource(new LocalPostgresResource("postgres", repositoryRoot, postgresPassword))
            .WithArgs(Path.Combine(stateDirectory, "postgres"))
            .WithEnvironment("POSTGRES_PASSWORD", postgresPassword)
            .WithEndpoint(name: LocalPostgresResource.EndpointName, scheme: "tcp", env: "PGPORT");
        postgres.WithProtocolProbe(ProtocolProbe.PostgresSslRequest);
        var database = builder.AddConnectionString("jobwise", postgres.Resource.DatabaseConnectionString("jobwise"));

        var cache = builder.AddResource(new LocalRedisResource("cache", stateDirectory))
            .WithEndpoint(name: LocalRedisResource.EndpointName, scheme: "tcp");
        var cacheEndpoint = cache.Resource.PrimaryEndpoint;
        cache.WithArgs(context =>
        {
            context.Args.Add("--port");
            context.Args.Add(cacheEndpoint.Property(EndpointProperty.TargetPort));
            context.Args.Add("--bind");
            context.Args.Add("127.0.0.1");
            context.Args.Add("--dir");
            context.Args.Add(stateDirectory);
            // A cache of download links: nothing in it needs to survive a restart.
            context.Args.Add("--save");
            context.Args.Add("");
            context.Args.Add("--appendonly");
            context.Args.Add("no");
        });
        cache.WithProtocolProbe(ProtocolProbe.RedisPing);

        var storageSigningKey = builder.AddParameter("storage-signing-key",
            new GenerateParameterDefault { MinLength = 48, Special = false }, secret: true, persist: true);
        var storage = builder.AddResource(new LocalStorageResource(
                StorageResources.Name, Path.Combine(stateDirectory, "storage"), storageSigningKey.Resource))
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "LocalStorage",
                State = KnownResourceStates.Running,
                Properties = [],
            })
            .ExcludeFromManifest();

        var renderer = builder.AddProject<Projects.JobWise_Renderer>(RendererResource.Name)
            .AsRenderer();

        return new InfrastructureResources(postgres, database, cache, storage,
            ConfigureRenderer: service => service.WithReference(renderer));
    }

    private static string ResolveStateDirectory(IDistributedApplicationBuilder builder)
    {
        var configured = builder.Configuration[StateDirectorySetting];
        var directory = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(builder.AppHostDirectory, "..", ".jobwise-state")
            : configured;
        directory = Path.GetFullPath(directory);
        if (builder.ExecutionContext.IsRunMode)
        {
            Directory.CreateDirectory(directory);
        }
        return directory;
    }
}
