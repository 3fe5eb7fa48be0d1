using System.Globalization;
using JobWise.ApiService.Ats;
using JobWise.ApiService.Auth;
using JobWise.ApiService.Http;
using JobWise.ApiService.Infrastructure;
using JobWise.ApiService.Model;
using JobWise.ApiService.RateLimiting;
using JobWise.ApiService.Rendering;
using JobWise.ApiService.Validation;
using JobWise.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace JobWise.ApiService.Exports;

public static class ExportsApi
{
    /// <summary>A generation id, templates, formats and render options: well under a kilobyte in any real request.</summary>
    public const long MaxBodyBytes = 16 * 1024;

    public static RouteGroupBuilder MapExportsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/exports").WithTags("Exports").WithMaxBodyBytes(MaxBodyBytes);
        group.MapGet("/templates", ListTemplates).WithName("ListTemplates").WithSummary("The template catalogue with preview links").AllowAnonymous();
        group.MapGet("/templates/{id}/preview", GetTemplatePreview).WithName("GetTemplatePreview")
            .WithSummary("Page 1 of a template with sample content, as PNG").AllowAnonymous();
        group.MapPost("/pdf", CreatePdf).WithName("ExportPdf").WithSummary("Render a generation to PDF in a template").ProducesExport()
            .RequireRateLimiting(ExpensiveWorkRateLimit.PolicyName);
        group.MapPost("/docx", CreateDocx).WithName("ExportDocx").WithSummary("Render a generation to DOCX in a template").ProducesExport()
            .RequireRateLimiting(ExpensiveWorkRateLimit.PolicyName);
        group.MapPost("/batch", CreateBatch).WithName("ExportBatch").WithSummary("Render a generation in several templates and formats into one ZIP").ProducesExport()
            .RequireRateLimiting(ExpensiveWorkRateLimit.PolicyName);
        group.MapGet("/files", ListExports).WithName("ListExports").WithSummary("The user's exports, newest first");
        group.MapGet("/files/job/{jobId:guid}", ListJobExports).WithName("ListJobExports")
            .WithSummary("One page of a job's exports, newest first, grouped by date; totals over all of them");
        group.MapGet("/{id:guid}", GetExport).WithName("GetExport").WithSummary("One export, with a download link");
        group.MapDelete("/{id:guid}", DeleteExport).WithName("DeleteExport").WithSummary("Delete an export and its stored file")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return group;
    }

    /// <summary>What an export endpoint answers, for the OpenAPI document (the handlers return IResult).</summary>
    private static RouteHandlerBuilder ProducesExport(this RouteHandlerBuilder route) => route
        .Produces<ExportResponse>(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .ProducesProblem(StatusCodes.Status429TooManyRequests)
        .ProducesProblem(StatusCodes.Status502BadGateway)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    public static async Task<Results<Ok<TemplateListResponse>, ProblemHttpResult>> ListTemplates(
        HttpContext context, RendererClient renderer, TemplateAtsScores atsScores, CancellationToken cancellationToken)
    {
        var catalogue = await renderer.GetCatalogueAsync(cancellationToken);
        if (catalogue is null)
        {
            return Problems.RetryLater(context, StatusCodes.Status503ServiceUnavailable, "The renderer is unavailable; try again shortly.", TimeSpan.FromSeconds(5));
        }
        var baseUrl = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";
        var templates = new List<TemplateResponse>();
        foreach (var t in catalogue.Templates)
        {
            templates.Add(new TemplateResponse(t.Id, t.Name, t.Description, t.BestFor, t.AllowedFonts, t.DefaultOptions, t.SupportedOptions,
                await atsScores.ScoreAsync(t.Id, cancellationToken),
                $"{baseUrl}/api/v1/exports/templates/{Uri.EscapeDataString(t.Id)}/preview"));
        }
        return TypedResults.Ok(new TemplateListResponse(templates));
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetTemplatePreview(
        string id, HttpContext context, RendererClient renderer, CancellationToken cancellationToken)
    {
        var catalogue = await renderer.GetCatalogueAsync(cancellationToken);
        if (catalogue is null)
        {
            return Problems.RetryLater(context, StatusCodes.Status503ServiceUnavailable, "The renderer is unavailable; try again shortly.", TimeSpan.FromSeconds(5));
        }
        if (catalogue.Templates.All(t => t.Id != id))
        {
            return Problems.NotFound("The template");
        }
        var png = await renderer.GetPreviewAsync(id, cancellationToken);
        if (png is null)
        {
            return Problems.RetryLater(context, StatusCodes.Status503ServiceUnavailable, "The preview cannot be made now; try again shortly.", TimeSpan.FromSeconds(5));
        }
        context.Response.Headers.CacheControl = "public, max-age=3600";
        return TypedResults.File(png, "image/png");
    }

    public static async Task<IResult> CreatePdf(
        ExportRequest request, HttpContext context, ExportService exports, ExportActivity activity, CancellationToken cancellationToken)
    {
        using var _ = activity.Begin();
        return (await exports.CreateAsync(context.User.GetUserId(), request, RenderFormats.Pdf, cancellationToken)).ToHttpResult(context);
    }

    public static async Task<IResult> CreateDocx(
        ExportRequest request, HttpContext context, ExportService exports, ExportActivity activity, CancellationToken cancellationToken)
    {
        using var _ = activity.Begin();
        return (await exports.CreateAsync(context.User.GetUserId(), request, RenderFormats.Docx, cancellationToken)).ToHttpResult(context);
    }

    public static async Task<IResult> CreateBatch(
        BatchExportRequest request, HttpContext context, ExportService exports, ExportActivity activity, CancellationToken cancellationToken)
    {
        using var _ = activity.Begin();
        return (await exports.CreateBatchAsync(context.User.GetUserId(), request, cancellationToken)).ToHttpResult(context);
    }

    public static async Task<Results<Ok<ExportListResponse>, ValidationProblem>> ListExports(
        HttpContext context, JobWiseDbContext db, DownloadLinks links, int? limit, int? offset, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var paging = Paging.Validate(errors, limit, offset);
        if (errors.Any)
        {
            return Problems.Validation(errors);
        }
        var userId = context.User.GetUserId();
        var query = db.Exports.AsNoTracking().Where(e => e.UserId == userId);
        var (page, total) = await paging.ApplyAsync(query, q => q.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id), cancellationToken);
        var urls = await links.ForAsync(page);
        return TypedResults.Ok(new ExportListResponse(page.Select(e => ExportResponse.From(e, urls[e.Id])).ToList(), total, paging.Limit, paging.Offset));
    }

    /// <summary>One page of a job's exports, grouped by day; the totals count all of the job's exports.</summary>
    public static async Task<Results<Ok<JobExportsResponse>, ValidationProblem, ProblemHttpResult>> ListJobExports(
        Guid jobId, HttpContext context, JobWiseDbContext db, DownloadLinks links, int? limit, int? offset, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var paging = Paging.Validate(errors, limit, offset);
        if (errors.Any)
        {
            return Problems.Validation(errors);
        }
        var job = await db.Jobs.AsNoTracking().FindOwnedAsync(jobId, context.User.GetUserId(), cancellationToken);
        if (job is null)
        {
            return Problems.NotFound("The job");
        }
        var query = db.Exports.AsNoTracking().Where(e => e.UserId == job.UserId && e.JobId == jobId);
        var (page, total) = await paging.ApplyAsync(query, q => q.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id), cancellationToken);
        var totalSize = paging.Offset == 0 && total == page.Count ? page.Sum(e => e.FileSizeBytes) : await query.SumAsync(e => e.FileSizeBytes, cancellationToken);
        var urls = await links.ForAsync(page);
        var byDate = page
            .GroupBy(e => e.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ExportResponse>)g.Select(e => ExportResponse.From(e, urls[e.Id])).ToList());
        return TypedResults.Ok(new JobExportsResponse(job.Id, job.Title, job.Company, byDate, total, totalSize, paging.Limit, paging.Offset));
    }

    public static async Task<Results<Ok<ExportResponse>, ProblemHttpResult>> GetExport(
        Guid id, HttpContext context, JobWiseDbContext db, DownloadLinks links, CancellationToken cancellationToken)
    {
        var userId = context.User.GetUserId();
        var export = await db.Exports.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id && e.UserId == userId, cancellationToken);
        return export is null ? Problems.NotFound("The export") : TypedResults.Ok(ExportResponse.From(export, await links.ForAsync(export)));
    }

    public static async Task<IResult> DeleteExport(Guid id, HttpContext context, ExportService exports, CancellationToken cancellationToken) =>
        (await exports.DeleteAsync(context.User.GetUserId(), id, cancellationToken)).ToHttpResult(context);
}
