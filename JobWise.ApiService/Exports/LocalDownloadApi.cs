using JobWise.ApiService.Infrastructure;
using JobWise.ApiService.Storage;
using JobWise.ApiService.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JobWise.ApiService.Exports;

/// <summary>
/// Serves files of the local-disk provider to whoever holds a link the API signed; the link is the credential,
/// so this endpoint is anonymous, like a presigned S3 URL.
/// </summary>
public static class LocalDownloadApi
{
    public static RouteHandlerBuilder MapLocalDownloadApi(this IEndpointRouteBuilder routes) =>
        routes.MapGet(LocalDiskStorage.DownloadRoutePrefix + "/{**key}", Download)
            .WithTags("Exports").WithName("DownloadExportFile")
            .WithSummary("Download a stored file through a signed link (local-disk storage only)")
            .AllowAnonymous();

    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Download(
        string key, string? token, long? expires, IOptions<StorageOptions> options, IObjectStorage storage,
        LocalDownloadSigner signer, JobWiseDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (options.Value.Provider != "local" || !StorageKeys.IsSafe(key))
        {
            return Problems.NotFound("The file");
        }
        if (token is null || expires is null || !signer.IsValid(key, expires.Value, token, clock.GetUtcNow()))
        {
            return TypedResults.Problem(title: "The download link is not valid or has expired.", statusCode: StatusCodes.Status403Forbidden);
        }
        var export = await db.Exports.AsNoTracking().Where(e => e.StorageKey == key)
            .Select(e => new { e.FileName, e.Format }).FirstOrDefaultAsync(cancellationToken);
        var stream = export is null ? null : await storage.OpenReadAsync(key, cancellationToken);
        if (stream is null)
        {
            return Problems.NotFound("The file");
        }
        return TypedResults.Stream(stream, MediaTypes.ForFormat(export!.Format), export.FileName);
    }
}
