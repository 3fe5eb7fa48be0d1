using JobWise.AppHost;

var builder = DistributedApplication.CreateBuilder(args);

var jwtSigningKey = builder.AddParameter("jwt-signing-key",
    new GenerateParameterDefault { MinLength = 48, Special = false }, secret: true, persist: true);

var infrastructure = InfrastructureMode.Resolve(builder) switch
{
    InfrastructureKind.Containers => builder.AddContainerInfrastructure(),
    _ => builder.AddLocalInfrastructure(),
};

var renderer = builder.AddProject<Projects.JobWise_Renderer>("renderer")
    .WithHttpHealthCheck("/health");

var api = builder.AddProject<Projects.JobWise_ApiService>("api")
    .WithReference(infrastructure.Database).WaitFor(infrastructure.DatabaseServer)
    .WithReference(infrastructure.Cache).WaitFor(infrastructure.Cache)
    // The API starts without the renderer; its readiness reports the renderer until it answers.
    .WithReference(renderer)
    .WithEnvironment("Auth__SigningKey", jwtSigningKey)
    // The public API: a publisher gives it an ingress; the renderer stays internal.
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health");
infrastructure.ConfigureStorage(api);
api.WithOptionalLlm();

builder.Build().Run();
