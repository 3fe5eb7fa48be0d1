namespace JobWise.Web.ApiClient;

/// <summary>
/// Fetches a stored export from its signed download link (an S3 presigned URL or the API's signed local link), without
/// the access token: the link is the credential, and S3 refuses a request that carries both.
/// </summary>
public sealed class ExportDownloadClient(HttpClient http)
{
    public Task<HttpResponseMessage> GetAsync(Uri downloadUrl, CancellationToken cancellationToken) =>
        ApiResponses.SendAsync(http, new(HttpMethod.Get, downloadUrl), cancellationToken);
}
