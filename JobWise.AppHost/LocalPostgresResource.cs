namespace JobWise.AppHost;

/// <summary>A PostgreSQL server run by <c>scripts/run-postgres</c> from the machine's packages.</summary>
public sealed class LocalPostgresResource(string name, string repositoryRoot, IResourceBuilder<ParameterResource> password)
    : ExecutableResource(name, Path.Combine(repositoryRoot, "scripts", "run-postgres"), repositoryRoot), IResourceWithEndpoints
{
    public const string EndpointName = "tcp";

    public EndpointReference PrimaryEndpoint => new(this, EndpointName);

    public ReferenceExpression DatabaseConnectionString(string database) => ReferenceExpression.Create(
        $"Host={PrimaryEndpoint.Property(EndpointProperty.Host)};Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username=postgres;Password={password.Resource};Database={database}");
}
