using System.Text.Json.Nodes;
using JobWise.ApiService.Auth;
using JobWise.ApiService.Http;
using JobWise.ApiService.Infrastructure;
using JobWise.ApiService.RateLimiting;
using JobWise.ApiService.Rendering;
using JobWise.ApiService.Validation;
using JobWise.Contracts;
using Microsoft.EntityFrameworkCore;

namespace JobWise.ApiService.Exports;

/// <param name="Pages"><c>first</c> (the default): page 1; <c>all</c>: a thumbnail strip of every page.</param>
public sealed record ExportPreviewRequest(Guid? GenerationId, string? Template, JsonObject? Options, string? Pages = null);

/// <summary>
/// <c>POST /api/v1/exports/preview</c>: page 1 of one of the user's generations in a template with options, as PNG,
/// so a client can show what an export will look like before making it. Nothing is stored; a preview already made for
/// the same request is answered from <see cref="PreviewCache"/> (header <c>X-Preview-Cache: hit</c>).
/// </summary>
public static class ExportPreviewApi
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public static RouteHandlerBuilder MapExportPreviewApi(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/v1/exports/preview", PreviewAsync)
            .WithTags("Exports").WithName("PreviewExport")
            .WithSummary("Page 1 of a generation in a template with options, or with pages=all a strip of every page, as PNG (nothing is stored)")
            .Produces(StatusCodes.Status200OK, contentType: "image/png")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithMaxBodyBytes(ExportsApi.MaxBodyBytes)
            // A preview is a render: it counts against the user's share of the renderer like an export.
            .RequireRateLimiting(ExpensiveWorkRateLimit.PolicyName);

    public static async Task<IResult> PreviewAsync(
        ExportPreviewRequest request, HttpContext context, JobWiseDbContext db, RendererClient renderer, PreviewCache previews,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (request.GenerationId is null)
        {
            errors.Add("generation_id", "is required");
        }
        errors.Required("template", request.Template, 100);
        if (request.Pages is not (null or "first" or "all"))
        {
            errors.Add("pages", "must be first or all");
        }
        var options = RenderOptionsReader.Read(request.Options, errors);
        if (errors.Any)
        {
            return Problems.Validation(errors);
        }
        var userId = context.User.GetUserId();
        var generation = await db.Generations.AsNoTracking()
            .SingleOrDefaultAsync(g => g.Id == request.GenerationId && g.UserId == userId, cancellationToken);
        if (generation is null)
        {
            return Problems.NotFound("The generation");
        }
        var catalogue = await renderer.GetCatalogueAsync(cancellationToken);
        var defaults = catalogue?.Templates.FirstOrDefault(t => t.Id == request.Template)?.DefaultOptions ?? new RenderOptions();
        var renderRequest = new RenderRequest
        {
            Content = generation.Content,
            Template = request.Template!,
            Format = RenderFormats.Pdf,
            Options = (options ?? new RenderOptions()).WithDefaults(defaults),
        };
        context.Response.Headers.CacheControl = "private, no-store";
        var allPages = request.Pages == "all";
        var key = PreviewCache.Key(userId, ExportFingerprint.Of(renderRequest)) + (allPages ? ":all" : "");
        if (previews.Find(key) is { } cached)
        {
            context.Response.Headers[PreviewCache.Header] = "hit";
            return TypedResults.File(cached, "image/png");
        }
        var outcome = await renderer.RenderPreviewAsync(renderRequest, cancellationToken, allPages);
        if (!outcome.Succeeded)
        {
            return RendererFailures.ToOutcome(outcome, RetryAfter).ToHttpResult(context);
        }
        previews.Keep(key, outcome.Content!);
        context.Response.Headers[PreviewCache.Header] = "miss";
        return TypedResults.File(outcome.Content!, "image/png");
    }
}
