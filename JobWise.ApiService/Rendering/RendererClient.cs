namespace JobWise.ApiService.Rendering;

/// <summary>The API's way to the renderer service, found through service discovery.</summary>
public sealed class RendererClient(HttpClient httpClient)
{
    public const string ServiceUri = "https+http://renderer";

    public async Task<bool> IsAliveAsync(CancellationToken cancellationToken)
    {
        using var response = await httpClient.GetAsync("/alive", cancellationToken);
        return response.IsSuccessStatusCode;
    }
}
