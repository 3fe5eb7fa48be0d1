using JobWise.Contracts;
using JobWise.Renderer.Browser;
using JobWise.Renderer.Diagnostics;
using JobWise.Renderer.Docx;
using JobWise.Renderer.Pdf;
using JobWise.Renderer.Preview;
using JobWise.Renderer.Templates;

namespace JobWise.Renderer;

public static class RendererServiceExtensions
{
    /// <summary>Templates, the Chromium pool, PDF, DOCX and previews, with every setting bound from <c>Renderer</c> and checked at start.</summary>
    public static IHostApplicationBuilder AddRendererServices(this IHostApplicationBuilder builder)
    {
        builder.AddChromium();
        builder.AddValidatedOptions<BrowserPoolOptions>(BrowserPoolOptions.SectionName);
        builder.AddValidatedOptions<PdfLimitsOptions>(PdfLimitsOptions.SectionName);
        builder.AddValidatedOptions<TemplateStoreOptions>(TemplateStoreOptions.SectionName);

        builder.Services.ConfigureHttpJsonOptions(options => ContractJson.Configure(options.SerializerOptions));
        // A body that cannot be read is the caller's 400 in every environment (Development would throw it, making a 500).
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = false);
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton<RendererMetrics>();
        builder.Services.AddSingleton<TemplateStore>();
        builder.Services.AddSingleton<HtmlComposer>();
        builder.Services.AddSingleton<PagePool>();
        builder.Services.AddSingleton<PdfRenderer>();
        builder.Services.AddSingleton<DocxRenderer>();
        builder.Services.AddSingleton<TemplatePreviews>();
        return builder;
    }
}
