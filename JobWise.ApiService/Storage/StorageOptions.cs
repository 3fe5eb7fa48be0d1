using System.ComponentModel.DataAnnotations;

namespace JobWise.ApiService.Storage;

public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary><c>local</c> (files under <see cref="LocalStorageOptions.Root"/>) or <c>s3</c>.</summary>
    [Required]
    public string Provider { get; set; } = "local";

    public LocalStorageOptions Local { get; set; } = new();

    public S3StorageOptions S3 { get; set; } = new();

    /// <summary>How long a download link stays valid.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan DownloadLinkLifetime { get; set; } = TimeSpan.FromHours(1);
}

public sealed class LocalStorageOptions
{
    public string Root { get; set; } = "data/storage";

    /// <summary>HMAC-SHA256 key for download links; at least 32 characters.</summary>
    public string SigningKey { get; set; } = "";

    /// <summary>The API's public base URL for download links; empty means the URL of the request being served.</summary>
    public string PublicBaseUrl { get; set; } = "";
}

public sealed class S3StorageOptions
{
    /// <summary>An S3-compatible endpoint (MinIO, Swift's s3api); empty means AWS itself.</summary>
    public string ServiceUrl { get; set; } = "";

    /// <summary>
    /// The endpoint browsers reach, when it differs from <see cref="ServiceUrl"/> (e.g. <c>http://storage:9000</c>
    /// inside a container network): presigned URLs are signed for this host. Empty means <see cref="ServiceUrl"/>.
    /// </summary>
    public string PublicServiceUrl { get; set; } = "";

    public string Region { get; set; } = "us-east-1";

    public string Bucket { get; set; } = "jobwise-exports";

    public string AccessKey { get; set; } = "";

    public string SecretKey { get; set; } = "";

    /// <summary>Path-style addressing (<c>host/bucket/key</c>), which S3-compatible servers need.</summary>
    public bool ForcePathStyle { get; set; } = true;
}
