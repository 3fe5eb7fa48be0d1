using System.Text.Json.Nodes;
using JobWise.ApiService.Http;

namespace JobWise.ApiService.Rendering;

/// <summary>What the renderer answered: the file, or the problem it gave (or that reaching it gave).</summary>
public sealed record RenderOutcome(byte[]? Content, int? PageCount, int StatusCode, JsonObject? Problem, TimeSpan? RetryAfter)
{
    public bool Succeeded => Content is not null;

    public static RenderOutcome Rendered(byte[] content, int? pageCount) => new(content, pageCount, StatusCodes.Status200OK, null, null);

    public static RenderOutcome Failed(int statusCode, JsonObject? problem, TimeSpan? retryAfter) =>
        new(null, null, statusCode, problem, retryAfter);
}
