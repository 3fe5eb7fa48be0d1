using System.Text;
using JobWise.ApiService.Diagnostics;
using Microsoft.Extensions.Options;

namespace JobWise.ApiService.Storage;

public static class StorageServiceExtensions
{
    public static IHostApplicationBuilder AddObjectStorage(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<StorageOptions>(StorageOptions.SectionName)
            .PostConfigure(options => StorageConnectionString.Apply(builder.Configuration.GetConnectionString(StorageConnectionString.Name), options))
            .Validate(options => options.Provider is "local" or "s3", "Storage:Provider must be 'local' or 's3'.")
            .Validate(options => options.Provider != "local" || options.Local.SigningKey.Length >= 32,
                "Storage:Local:SigningKey must be at least 32 characters with the local provider.")
            .Validate(options => IsEmptyOrAbsoluteHttpUrl(options.Local.PublicBaseUrl) && IsEmptyOrAbsoluteHttpUrl(options.S3.PublicServiceUrl),
                "Storage:Local:PublicBaseUrl and Storage:S3:PublicServiceUrl must be absolute http(s) URLs when set.");
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton(services => new LocalDownloadSigner(
            Encoding.UTF8.GetBytes(services.GetRequiredService<IOptions<StorageOptions>>().Value.Local.SigningKey)));
        builder.Services.AddSingleton<IObjectStorage>(services =>
        {
            var provider = services.GetRequiredService<IOptions<StorageOptions>>().Value.Provider;
            IObjectStorage storage = provider == "s3"
                ? ActivatorUtilities.CreateInstance<S3ObjectStorage>(services)
                : ActivatorUtilities.CreateInstance<LocalDiskStorage>(services);
            return new InstrumentedObjectStorage(storage, provider, services.GetRequiredService<ApiMetrics>());
        });
        return builder;
    }

    private static bool IsEmptyOrAbsoluteHttpUrl(string url) =>
        url.Length == 0 || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https");
}
