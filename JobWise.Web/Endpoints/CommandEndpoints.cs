using JobWise.Web.ApiClient;
using JobWise.Web.Components;
using Microsoft.AspNetCore.Mvc;

namespace JobWise.Web.Endpoints;

/// <summary>
/// One-button actions posted from list pages (delete a job, delete an export). A bound form field makes UseAntiforgery
/// check the token; the answer redirects back, with the problem in the query when the API refused.
/// </summary>
public static class CommandEndpoints
{
    public static IEndpointRouteBuilder MapCommandEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").RequireAuthorization();
        group.MapPost("/jobs/{id:guid}/delete", async (Guid id, JobWiseApiClient api, [FromForm] string? returnUrl, CancellationToken cancellationToken) =>
            await RunAsync(() => api.DeleteJobAsync(id, cancellationToken), LocalReturnUrl.Or(returnUrl, Routes.Jobs)));
        group.MapPost("/exports/{id:guid}/delete", async (Guid id, JobWiseApiClient api, [FromForm] string? returnUrl, CancellationToken cancellationToken) =>
            await RunAsync(() => api.DeleteExportAsync(id, cancellationToken), LocalReturnUrl.Or(returnUrl, Routes.Exports)));
        return app;
    }

    private static async Task<IResult> RunAsync(Func<Task> action, string returnUrl)
    {
        try
        {
            await action();
            return TypedResults.LocalRedirect(returnUrl);
        }
        catch (ApiException problem)
        {
            var separator = returnUrl.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            return TypedResults.LocalRedirect($"{returnUrl}{separator}problem={Uri.EscapeDataString(problem.UserMessage)}");
        }
    }
}
