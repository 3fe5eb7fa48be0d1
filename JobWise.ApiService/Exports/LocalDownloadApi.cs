using JobWise.ApiService.Http;
using JobWise.ApiService.Storage;
using JobWise.ApiService.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace JobWise.ApiService.Exports;

/// <summary>
/// Serves files of the local-disk provider to whoever holds a link the API signed; the link is the credential,
/// so this endpoint is anonymous, like a presigned S3 URL. The file name it serves is the one the link signs.
/// </summary>
public static class LocalDownloadApi
{
    public static RouteHandlerBuilder MapLocalDownloadApi(this IEndpointRouteBuilder routes) =>
        routes.MapGet(LocalDiskStorage.DownloadRoutePrefix + "/{**key}", Download)
            .WithTags("Exports").WithName("DownloadExportFile")
            .WithSummary("Download a stored file through a signed link (local-disk storage only)")
            .AllowAnonymous();

    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Download(
        string key, string? name, string? token, long? expires, IOptions<StorageOptions> options, IObjectStorage storage,
        LocalDownloadSigner signer, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (options.Value.Provider != "local" || !StorageKeys.IsSafe(key))
        {
            return Problems.NotFound("The file");
        }
        if (name is null || token is null || expires is null || !signer.IsValid(key, expires.Value, name, token, clock.GetUtcNow()))
        {
            return TypedResults.Problem(title: "The download link is not valid or has expired.", statusCode: StatusCodes.Status403Forbidden);
        }
        var stream = await storage.OpenReadAsync(key, cancellationToken);
        if (stream is null)
        {
            return Problems.NotFound("The file");
        }
        return TypedResults.Stream(stream, MediaTypes.ForFormat(Path.GetExtension(key).TrimStart('.')), name);
    }
}
