using JobWise.AppHost;

var builder = DistributedApplication.CreateBuilder(args);

var jwtSigningKey = builder.AddParameter("jwt-signing-key",
    new GenerateParameterDefault { MinLength = 48, Special = false }, secret: true, persist: true);

var infrastructure = InfrastructureMode.Resolve(builder) switch
{
    InfrastructureKind.Containers => builder.AddContainerInfrastructure(),
    _ => builder.AddLocalInfrastructure(),
};

var api = builder.AddProject<Projects.JobWise_ApiService>("api")
    .WithReference(infrastructure.Database).WaitFor(infrastructure.DatabaseServer)
    .WithReference(infrastructure.Cache).WaitFor(infrastructure.Cache)
    .WithReference(infrastructure.Storage).WaitFor(infrastructure.Storage)
    .WithEnvironment("Auth__SigningKey", jwtSigningKey)
    // The public API: a publisher gives it an ingress; the renderer stays internal.
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health/ready")
    .WithApiReferenceLink();
// Local-disk download links name the API's own endpoint, not whatever host a request (or a probe) came in on.
api.WithEnvironment("Storage__Local__PublicBaseUrl", api.GetEndpoint("http"));
// The API starts without the renderer; its readiness reports the renderer until it answers.
infrastructure.ConfigureRenderer(api);
api.WithOptionalLlm();

// The web front end talks only to the public API; Redis holds its Data Protection keys, so every replica reads every cookie.
var web = builder.AddProject<Projects.JobWise_Web>("web")
    .WithExternalHttpEndpoints()
    .WithReference(api).WaitFor(api)
    .WithReference(infrastructure.Cache).WaitFor(infrastructure.Cache)
    .WithHttpHealthCheck("/health/ready");

// Development only: mail lands in smtp4dev's inbox. A published deployment sets Mail:* to a real SMTP server.
if (builder.ExecutionContext.IsRunMode)
{
    api.WithMailCatcher(builder.AddMailCatcher("mail"), web);
}

builder.Build().Run();
