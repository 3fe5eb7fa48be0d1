using JobWise.Renderer.Browser;
using JobWise.Renderer.Pdf;
using JobWise.Renderer.Templates;

namespace JobWise.Renderer.Apis;

/// <summary>Page 1 of a caller's own resume as PNG, for a live preview while export options are chosen.</summary>
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
        JobWise.Contracts.RenderRequest request, TemplateStore store, PdfRenderer pdf, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        RenderRequestValidator.Validate(request, errors);
        var template = store.Find(request.Template ?? "");
        if (template is null && errors.Count == 0)
        {
            return TypedResults.Problem(title: "Unknown template.", detail: $"There is no template '{request.Template}'.", statusCode: StatusCodes.Status404NotFound);
        }
        var options = template is null ? null : RenderOptionsValidator.Resolve(template.Metadata, request.Options, errors);
        if (errors.Count > 0 || template is null || options is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The preview request is invalid.");
        }
        try
        {
            var png = await pdf.RenderFirstPagePngAsync(template, ResumeView.From(request.Content, request.DocumentTitle, options.DateFormat), options, cancellationToken);
            return TypedResults.File(png, "image/png");
        }
        catch (RenderRejectedException rejection)
        {
            return RenderApi.Rejected(rejection, http);
        }
    }
}
