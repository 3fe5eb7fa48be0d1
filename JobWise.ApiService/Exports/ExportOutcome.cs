using JobWise.ApiService.Http;
using JobWise.ApiService.Validation;

namespace JobWise.ApiService.Exports;

/// <summary>What an export operation came to, in the service's own terms; <see cref="ExportsApi"/> speaks HTTP.</summary>
public abstract record ExportOutcome
{
    public sealed record Created(ExportResponse Export) : ExportOutcome;

    public sealed record Deleted : ExportOutcome;

    public sealed record Invalid(ValidationErrors Errors) : ExportOutcome;

    public sealed record NotFound(string What) : ExportOutcome;

    /// <summary>A request that cannot succeed as it stands (413, 422).</summary>
    public sealed record Refused(int StatusCode, string Title, string? Detail) : ExportOutcome;

    /// <summary>Come back later: 429 when the renderer is busy, 503 when a dependency is down.</summary>
    public sealed record RetryLater(int StatusCode, string Title, TimeSpan RetryAfter) : ExportOutcome;

    /// <summary>The renderer failed in a way the same request would meet again: 502, no Retry-After.</summary>
    public sealed record BadGateway(string Title) : ExportOutcome;

    public static RetryLater Unavailable(string what, TimeSpan retryAfter) =>
        new(StatusCodes.Status503ServiceUnavailable, $"{what} is unavailable; try again shortly.", retryAfter);
}
