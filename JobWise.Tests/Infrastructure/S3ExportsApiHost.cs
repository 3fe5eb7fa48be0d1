namespace JobWise.Tests.Infrastructure;

/// <summary>The API with the <c>s3</c> storage provider against a Swift s3api server of its own.</summary>
public sealed class S3ExportsApiHost(PostgresServer postgres, RedisServer redis, RendererServer renderer)
    : ExportsApiHost(postgres, redis, renderer)
{
    public const string Bucket = "jobwise-test-exports";

    public SwiftS3Server S3 { get; } = new();

    protected override IReadOnlyList<OwnServer> OwnServers => [new(S3, () => S3.ApiStorageSettings(Bucket))];

    protected override IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>(base.ExtraSettings)
    {
        // S3 keeps its own write times, so a test cannot age a file: every unnamed file counts as old. Sweeps run
        // only when a test asks, never beside an export in flight.
        ["Exports:OrphanGracePeriod"] = "00:00:00",
    };
}
