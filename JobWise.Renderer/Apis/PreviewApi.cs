using JobWise.Renderer.Browser;
using JobWise.Renderer.Pdf;
using JobWise.Renderer.Templates;

namespace JobWise.Renderer.Apis;

/// <summary>
/// Page 1 of a caller's own resume as PNG, for a live preview while export options are chosen; with <c>?pages=all</c> a
/// thumbnail strip of every page instead. Both are drawn from the printed PDF.
/// </summary>
public static class PreviewApi
{
    public const string Route = "/render/preview";

    public static IEndpointRouteBuilder MapPreviewApi(this IEndpointRouteBuilder app)
    {
        app.MapPost(Route, RenderPreviewAsync)
            .WithName("RenderPreview")
            .WithSummary("Lays out a resume with a template and answers page 1 as PNG");
        return app;
    }

    public static async Task<IResult> RenderPreviewAsync(
        JobWise.Contracts.RenderRequest request, string? pages, TemplateStore store, PdfRenderer pdf, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        RenderRequestValidator.Validate(request, errors);
        var template = store.Find(request.Template ?? "");
        if (template is null && errors.Count == 0)
        {
            return TypedResults.Problem(title: "Unknown template.", detail: $"There is no template '{request.Template}'.", statusCode: StatusCodes.Status404NotFound);
        }
        if (pages is not (null or "first" or "all"))
        {
            errors["pages"] = ["must be first or all"];
        }
        var options = template is null ? null : RenderOptionsValidator.Resolve(template.Metadata, request.Options, errors);
        if (errors.Count > 0 || template is null || options is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The preview request is invalid.");
        }
        try
        {
            var resume = ResumeView.From(request.Content, request.DocumentTitle, options.DateFormat);
            var png = pages == "all"
                ? await pdf.RenderPageStripPngAsync(template, resume, options, cancellationToken)
                : await pdf.RenderFirstPagePngAsync(template, resume, options, cancellationToken);
            return TypedResults.File(png, "image/png");
        }
        catch (RenderRejectedException rejection)
        {
            return RenderApi.Rejected(rejection, http);
        }
    }
}
