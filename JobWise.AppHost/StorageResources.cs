namespace JobWise.AppHost;

/// <summary>
/// The export storage as the API reads it: one connection string, <c>ConnectionStrings:storage</c>, whose keys are the
/// API's <c>Storage</c> settings (<c>Provider</c>, <c>Root</c>, <c>SigningKey</c>, <c>ServiceUrl</c>, <c>AccessKey</c>, …).
/// </summary>
public static class StorageResources
{
    public const string Name = "storage";
}

/// <summary>Exports on the developer's disk under the state folder; nothing runs, so it is shown as running at once.</summary>
public sealed class LocalStorageResource(string name, string root, ParameterResource signingKey) : Resource(name), IResourceWithConnectionString
{
    public string Root { get; } = root;

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"Provider=local;Root={Root};SigningKey={signingKey}");
}

/// <summary>OpenStack Swift with its S3 API, from the project's <c>jobwise-s3</c> image.</summary>
public sealed class SwiftS3Resource(string name, string accessKey, ParameterResource secretKey) : ContainerResource(name), IResourceWithConnectionString
{
    public const string EndpointName = "http";

    public EndpointReference PrimaryEndpoint => new(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create(
            $"Provider=s3;ServiceUrl={PrimaryEndpoint.Property(EndpointProperty.Url)};AccessKey={accessKey};SecretKey={secretKey}");
}
