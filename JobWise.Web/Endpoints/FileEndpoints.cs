using System.Globalization;
using JobWise.Contracts;
using JobWise.Web.ApiClient;
using JobWise.Web.Components;

namespace JobWise.Web.Endpoints;

/// <summary>
/// Files the browser loads from the front end (never from the API directly): export downloads, template and resume
/// previews, the JSON Resume file. Each is fetched server-side with the user's token and passed through.
/// </summary>
public static class FileEndpoints
{
    public static IEndpointRouteBuilder MapFileEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/files/exports/{id:guid}", DownloadExportAsync).RequireAuthorization();
        app.MapGet("/files/templates/{id}/preview", TemplatePreviewAsync);
        app.MapGet(Routes.ResumePreview, ResumePreviewAsync).RequireAuthorization();
        app.MapGet(Routes.JsonResumeFile, JsonResumeAsync).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> DownloadExportAsync(
        Guid id, JobWiseApiClient api, ExportDownloadClient downloads, HttpContext context, CancellationToken cancellationToken)
    {
        try
        {
            var export = await api.GetExportAsync(id, cancellationToken);
            var response = await downloads.GetAsync(export.DownloadUrl, cancellationToken);
            context.Response.RegisterForDispose(response);
            var mediaType = response.Content.Headers.ContentType?.MediaType ?? "application/octet-stream";
            return TypedResults.Stream(await response.Content.ReadAsStreamAsync(cancellationToken), mediaType, export.Filename);
        }
        catch (ApiException problem)
        {
            return Failure(context, problem);
        }
    }

    private static async Task<IResult> TemplatePreviewAsync(string id, JobWiseApiClient api, HttpContext context, CancellationToken cancellationToken)
    {
        try
        {
            var png = await api.GetTemplatePreviewAsync(id, cancellationToken);
            context.Response.Headers.CacheControl = "public, max-age=3600";
            return TypedResults.File(png, "image/png");
        }
        catch (ApiException problem)
        {
            return Failure(context, problem);
        }
    }

    private static async Task<IResult> ResumePreviewAsync(
        Guid generation, string template, string? font, string? accent, double? size, double? spacing, double? margins, string? page, string? dates,
        JobWiseApiClient api, HttpContext context, CancellationToken cancellationToken)
    {
        try
        {
            var options = new RenderOptions
            {
                FontFamily = Blank(font), AccentColor = Blank(accent), FontSize = size, LineSpacing = spacing, Margins = margins, PageSize = Blank(page),
                DateFormat = Blank(dates),
            };
            var png = await api.PreviewExportAsync(generation, template, options, cancellationToken);
            context.Response.Headers.CacheControl = "private, max-age=300";
            return TypedResults.File(png, "image/png");
        }
        catch (ApiException problem)
        {
            return Failure(context, problem);
        }
    }

    private static async Task<IResult> JsonResumeAsync(JobWiseApiClient api, HttpContext context, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.File(await api.ExportJsonResumeAsync(cancellationToken), "application/json", "resume.json");
        }
        catch (ApiException problem)
        {
            return Failure(context, problem);
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static IResult Failure(HttpContext context, ApiException problem)
    {
        if (problem.RetryAfter is { } wait)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
        return TypedResults.Problem(title: problem.UserMessage, statusCode: problem.Status,
            extensions: problem.Errors.Count > 0 ? new Dictionary<string, object?> { ["errors"] = problem.Errors } : null);
    }
}
