using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;

namespace JobWise.Renderer.Templates;

/// <summary>Renders a template's Liquid markup; every value from the document is HTML-escaped by the encoder.</summary>
public sealed class HtmlComposer(TemplateStore store)
{
    // Escapes markup characters (<, >, &, quotes) but keeps letters of every script as they are.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public async Task<string> ComposeAsync(LoadedTemplate template, ResumeView resume, ResolvedOptions options)
    {
        var context = new TemplateContext(store.FluidOptions);
        context.SetValue("document", new Dictionary<string, object?>
        {
            ["title"] = resume.Properties.Title,
            ["author"] = resume.Properties.Author,
            ["subject"] = resume.Properties.Subject,
            ["keywords"] = resume.Properties.Keywords,
            ["lang"] = resume.Properties.Language,
        });
        context.SetValue("header", LiquidModel.Header(resume.Header));
        context.SetValue("sections", resume.Sections.Select(LiquidModel.Section).ToList());
        context.SetValue("standard_headings", template.Metadata.StandardHeadings);
        context.SetValue("stylesheet", template.Stylesheet);
        context.SetValue("options_css", OptionsCss(options));
        return await template.Markup.RenderAsync(context, Encoder);
    }

    /// <summary>The options as CSS custom properties; print margins come from the PDF options.</summary>
    private static string OptionsCss(ResolvedOptions options) =>
        string.Create(CultureInfo.InvariantCulture,
            $":root {{ --font-family: \"{options.FontFamily}\", \"DejaVu Sans\", sans-serif; --accent: {options.AccentColor}; --font-size: {options.FontSize}pt; --line-spacing: {options.LineSpacing}; }}");
}
