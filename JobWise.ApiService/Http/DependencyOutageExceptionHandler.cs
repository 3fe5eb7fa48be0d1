using JobWise.ApiService.Exports;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace JobWise.ApiService.Http;

/// <summary>
/// The database or storage down while any request was being served is a 503 with Retry-After, not a 500: nothing was
/// wrong with the request, and it can be sent again once the dependency is back. This covers every endpoint, and the
/// security-stamp check each authenticated request makes before its endpoint runs.
/// </summary>
public sealed class DependencyOutageExceptionHandler(IOptions<ExportOptions> options, ILogger<DependencyOutageExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (DependencyFailures.Unavailable(exception) is not { } what)
        {
            return false;
        }
        logger.LogWarning(exception, "{Dependency} failed during {Method} {Path}; answered 503", what, context.Request.Method, context.Request.Path);
        var retryAfter = TimeSpan.FromSeconds(options.Value.RetryAfterSeconds);
        await Problems.RetryLater(context, StatusCodes.Status503ServiceUnavailable, $"{what} is unavailable; try again shortly.", retryAfter)
            .ExecuteAsync(context);
        return true;
    }
}
