using System.Data.Common;

namespace JobWise.ApiService.Storage;

/// <summary>
/// <c>ConnectionStrings:storage</c>, as an orchestrator hands it over: the <c>Storage</c> settings in one string, e.g.
/// <c>Provider=s3;ServiceUrl=http://storage:8080;AccessKey=…;SecretKey=…</c> or <c>Provider=local;Root=…;SigningKey=…</c>.
/// Its values win over the <c>Storage</c> section; a key it does not know stops start-up rather than being ignored.
/// </summary>
public static class StorageConnectionString
{
    public const string Name = "storage";

    public static void Apply(string? connectionString, StorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return;
        }
        var parts = new DbConnectionStringBuilder { ConnectionString = connectionString };
        foreach (string key in parts.Keys)
        {
            var value = Convert.ToString(parts[key], System.Globalization.CultureInfo.InvariantCulture) ?? "";
            Action<string> set = key.ToLowerInvariant() switch
            {
                "provider" => v => options.Provider = v,
                "root" => v => options.Local.Root = v,
                "signingkey" => v => options.Local.SigningKey = v,
                "publicbaseurl" => v => options.Local.PublicBaseUrl = v,
                "serviceurl" => v => options.S3.ServiceUrl = v,
                "publicserviceurl" => v => options.S3.PublicServiceUrl = v,
                "region" => v => options.S3.Region = v,
                "bucket" => v => options.S3.Bucket = v,
                "accesskey" => v => options.S3.AccessKey = v,
                "secretkey" => v => options.S3.SecretKey = v,
                _ => throw new InvalidOperationException(
                    $"ConnectionStrings:{Name} has the key '{key}', which is not a storage setting (Provider, Root, SigningKey, PublicBaseUrl, ServiceUrl, PublicServiceUrl, Region, Bucket, AccessKey, SecretKey)."),
            };
            set(value);
        }
    }
}
