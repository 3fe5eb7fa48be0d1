using System.Diagnostics;
using JobWise.Contracts;
using JobWise.Renderer.Browser;
using JobWise.Renderer.Diagnostics;
using JobWise.Renderer.Docx;
using JobWise.Renderer.Pdf;
using JobWise.Renderer.Preview;
using JobWise.Renderer.Templates;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JobWise.Renderer.Apis;

/// <summary>The renderer's internal API, called by the API service.</summary>
public static class RenderApi
{
    private const string RetryAfterSeconds = "1";
    private const string UnavailableRetryAfterSeconds = "5";

    public static IEndpointRouteBuilder MapRenderApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/render", RenderAsync)
            .WithName("Render")
            .WithSummary("Lays out a resume with a template as PDF or DOCX");
        app.MapGet("/templates", GetTemplates)
            .WithName("ListTemplates")
            .WithSummary("The template catalogue");
        app.MapGet("/templates/{id}/preview", GetPreviewAsync)
            .WithName("TemplatePreview")
            .WithSummary("Page 1 of the template with sample content, as PNG");
        app.MapPreviewApi();
        return app;
    }

    public static Ok<TemplateCatalogue> GetTemplates(TemplateStore store) => TypedResults.Ok(store.Catalogue);

    public static async Task<IResult> GetPreviewAsync(string id, TemplateStore store, TemplatePreviews previews, HttpContext http, CancellationToken cancellationToken)
    {
        if (store.Find(id) is not { } template)
        {
            return UnknownTemplate(id);
        }
        try
        {
            return TypedResults.File(await previews.GetAsync(template, cancellationToken), "image/png");
        }
        catch (RenderRejectedException rejection)
        {
            return Rejected(rejection, http);
        }
    }

    public static async Task<IResult> RenderAsync(
        RenderRequest request,
        TemplateStore store,
        PdfRenderer pdf,
        DocxRenderer docx,
        RendererMetrics metrics,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var errors = new Dictionary<string, string[]>();
        RenderRequestValidator.Validate(request, errors);
        var template = store.Find(request.Template ?? "");
        if (template is null && errors.Count == 0)
        {
            return UnknownTemplate(request.Template);
        }
        var options = template is null ? null : RenderOptionsValidator.Resolve(template.Metadata, request.Options, errors);
        if (errors.Count > 0 || template is null || options is null)
        {
            metrics.Rejected("invalid");
            return TypedResults.ValidationProblem(errors, title: "The render request is invalid.");
        }

        using var span = RendererTelemetry.Start(RendererTelemetry.Render)
            ?.SetTag("jobwise.render.format", request.Format)
            .SetTag("jobwise.render.template", template.Metadata.Id);
        var resume = ResumeView.From(request.Content, request.DocumentTitle, options.DateFormat);
        try
        {
            if (request.Format == RenderFormats.Docx)
            {
                byte[] bytes;
                using (RendererTelemetry.Start(RendererTelemetry.DocxBuild))
                {
                    bytes = docx.Render(template, resume, options);
                }
                metrics.RecordRender(RenderFormats.Docx, template.Metadata.Id, Stopwatch.GetElapsedTime(started));
                return TypedResults.File(bytes, RenderFormats.DocxMediaType);
            }
            var result = await pdf.RenderAsync(template, resume, options, cancellationToken);
            metrics.RecordRender(RenderFormats.Pdf, template.Metadata.Id, Stopwatch.GetElapsedTime(started));
            span?.SetTag("jobwise.render.pages", result.PageCount);
            http.Response.Headers[RenderRequest.PageCountHeader] = result.PageCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.File(result.Bytes, RenderFormats.PdfMediaType);
        }
        catch (RenderRejectedException rejection)
        {
            span?.SetTag("jobwise.rejection.reason", rejection.Reason.ToString());
            span.Fail(rejection);
            return Rejected(rejection, http);
        }
    }

    private static ProblemHttpResult UnknownTemplate(string? id) =>
        TypedResults.Problem(title: "Unknown template.", detail: $"There is no template '{id}'.", statusCode: StatusCodes.Status404NotFound);

    internal static ProblemHttpResult Rejected(RenderRejectedException rejection, HttpContext http)
    {
        var (status, title, retryAfter) = rejection.Reason switch
        {
            RejectionReason.QueueFull => (StatusCodes.Status429TooManyRequests, "The renderer is busy.", RetryAfterSeconds),
            RejectionReason.TooLarge => (StatusCodes.Status413PayloadTooLarge, "The document is too large.", null),
            RejectionReason.OverPageLimit => (StatusCodes.Status422UnprocessableEntity, "The document is over the page limit.", null),
            RejectionReason.Timeout => (StatusCodes.Status503ServiceUnavailable, "The render timed out.", RetryAfterSeconds),
            _ => (StatusCodes.Status503ServiceUnavailable, "Chromium is unavailable.", UnavailableRetryAfterSeconds),
        };
        if (retryAfter is not null)
        {
            http.Response.Headers.RetryAfter = retryAfter;
        }
        // A full queue or a Chromium that is down refused the render before it began; a timeout may have begun printing.
        if (rejection.Reason is RejectionReason.QueueFull or RejectionReason.BrowserUnavailable)
        {
            http.Response.Headers[RenderRequest.NotStartedHeader] = "true";
        }
        return TypedResults.Problem(title: title, detail: rejection.Message, statusCode: status);
    }
}
