using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using JobWise.Contracts;

namespace JobWise.Web.ApiClient;

/// <summary>One way to send a request to the API and read its answer or its problem.</summary>
public static class ApiResponses
{
    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw ApiException.Unreachable();
        }
        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                throw await ProblemOfAsync(response, cancellationToken);
            }
        }
        return response;
    }

    public static async Task<T> ReadAsync<T>(HttpClient http, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(http, request, cancellationToken);
        return await response.Content.ReadFromJsonAsync<T>(ContractJson.Options, cancellationToken)
            ?? throw new ApiException((int)response.StatusCode, "The service answered with an empty body.");
    }

    public static HttpRequestMessage Json(HttpMethod method, string path, object body) =>
        new(method, path) { Content = JsonContent.Create(body, body.GetType(), options: ContractJson.Options) };

    private static async Task<ApiException> ProblemOfAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var retryAfter = response.Headers.RetryAfter?.Delta
            ?? (response.Headers.RetryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        JsonObject? problem = null;
        try
        {
            problem = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        }
        catch (JsonException)
        {
            // Not a problem document (a proxy's page, say): the status is all there is.
        }
        var title = problem?["title"]?.GetValue<string>() ?? DefaultTitle(status);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (problem?["errors"] is JsonObject fields)
        {
            foreach (var (field, messages) in fields)
            {
                errors[field] = messages is JsonArray list ? list.Select(m => m?.ToString() ?? "").ToArray() : [messages?.ToString() ?? ""];
            }
        }
        return new ApiException(status, title, errors, retryAfter);
    }

    private static string DefaultTitle(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => "Your session has ended; sign in again.",
        StatusCodes.Status404NotFound => "It was not found.",
        StatusCodes.Status429TooManyRequests => "Too many requests.",
        StatusCodes.Status503ServiceUnavailable => "The service is unavailable.",
        _ => $"The request failed ({status}).",
    };
}
