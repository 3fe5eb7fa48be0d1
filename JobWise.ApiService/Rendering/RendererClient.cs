using System.Globalization;
using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using JobWise.ApiService.Http;
using JobWise.Contracts;
using Microsoft.Extensions.Caching.Memory;

namespace JobWise.ApiService.Rendering;

/// <summary>
/// The API's way to the renderer service, found through service discovery. Renders spread over every renderer replica;
/// one that a replica refuses before it starts (it is down, or answers 503) is tried once on another.
/// </summary>
public sealed class RendererClient(HttpClient httpClient, RendererEndpoints endpoints, IMemoryCache cache)
{
    public const string ServiceUri = "https+http://renderer";
    private const int ReplicasTriedPerRender = 2;
    private static readonly TimeSpan CatalogueLifetime = TimeSpan.FromMinutes(5);

    public async Task<bool> IsAliveAsync(CancellationToken cancellationToken)
    {
        using var response = await httpClient.GetAsync("/alive", cancellationToken);
        return response.IsSuccessStatusCode;
    }

    public Task<RenderOutcome> RenderAsync(RenderRequest request, CancellationToken cancellationToken) =>
        PostRenderAsync("/render", request, cancellationToken);

    /// <summary>Page 1 of the request's document as PNG (the renderer's <c>POST /render/preview</c>).</summary>
    /// <summary>Page 1 as PNG, or with <paramref name="allPages"/> a thumbnail strip of every page.</summary>
    public Task<RenderOutcome> RenderPreviewAsync(RenderRequest request, CancellationToken cancellationToken, bool allPages = false) =>
        PostRenderAsync(allPages ? "/render/preview?pages=all" : "/render/preview", request, cancellationToken);

    private async Task<RenderOutcome> PostRenderAsync(string path, RenderRequest request, CancellationToken cancellationToken)
    {
        IReadOnlyList<Uri> replicas;
        try
        {
            replicas = await endpoints.InTurnAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException && !cancellationToken.IsCancellationRequested)
        {
            return RenderOutcome.Failed(StatusCodes.Status503ServiceUnavailable, null, null);
        }
        var outcome = RenderOutcome.Failed(StatusCodes.Status503ServiceUnavailable, null, null);
        foreach (var replica in replicas.Take(ReplicasTriedPerRender))
        {
            (outcome, var refusedBeforeStarting) = await RenderOnAsync(replica, path, request, cancellationToken);
            if (!refusedBeforeStarting)
            {
                break;
            }
        }
        return outcome;
    }

    /// <summary>
    /// One attempt on one replica. Only a render that replica never began may go elsewhere: a connection that could not be
    /// made, or a 503 marked as refused before it began (its Chromium is down). One that failed midway is not repeated, since the document itself may be what
    /// broke it, and repeating it would only break the next replica too.
    /// </summary>
    private async Task<(RenderOutcome Outcome, bool RefusedBeforeStarting)> RenderOnAsync(
        Uri replica, string path, RenderRequest request, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await httpClient.PostAsJsonAsync(new Uri(replica, path), request, ContractJson.Options, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                var pageCount = response.Headers.TryGetValues(RenderRequest.PageCountHeader, out var values)
                    && int.TryParse(values.FirstOrDefault(), CultureInfo.InvariantCulture, out var pages) ? pages : (int?)null;
                return (RenderOutcome.Rendered(bytes, pageCount), false);
            }
            JsonObject? problem = null;
            try
            {
                problem = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
            }
            catch (System.Text.Json.JsonException)
            {
                // A proxy's HTML error page, say: the status code is all there is.
            }
            var outcome = RenderOutcome.Failed((int)response.StatusCode, problem, response.Headers.RetryAfter?.Delta);
            return (outcome, response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.Contains(RenderRequest.NotStartedHeader));
        }
        catch (HttpRequestException exception) when (exception.HttpRequestError == HttpRequestError.ConnectionError && !cancellationToken.IsCancellationRequested)
        {
            return (RenderOutcome.Failed(StatusCodes.Status503ServiceUnavailable, null, null), true);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (RenderOutcome.Failed(StatusCodes.Status503ServiceUnavailable, null, null), false);
        }
    }

    /// <summary>The template catalogue, cached for a few minutes: templates change with deployments, not requests.</summary>
    public async Task<TemplateCatalogue?> GetCatalogueAsync(CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(nameof(TemplateCatalogue), out TemplateCatalogue? cached))
        {
            return cached;
        }
        try
        {
            var catalogue = await httpClient.GetFromJsonAsync<TemplateCatalogue>("/templates", ContractJson.Options, cancellationToken);
            if (catalogue is not null)
            {
                cache.Set(nameof(TemplateCatalogue), catalogue, CatalogueLifetime);
            }
            return catalogue;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>The PNG of a template's first page, or null when the renderer has no such template or is down.</summary>
    public async Task<byte[]?> GetPreviewAsync(string templateId, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await httpClient.GetAsync($"/templates/{Uri.EscapeDataString(templateId)}/preview", cancellationToken);
            return response.IsSuccessStatusCode ? await response.Content.ReadAsByteArrayAsync(cancellationToken) : null;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
