using System.Globalization;
using JobWise.Contracts;
using JobWise.Web.ApiClient;
using JobWise.Web.Components;

namespace JobWise.Web.Components.Shared;

/// <summary>The export page's choices: a template, a format and the layout options (bound as <c>Input.Options.*</c>).</summary>
public sealed class ExportForm
{
    public string? Template { get; set; }
    public string? Format { get; set; }
    public RenderOptions Options { get; set; } = new();

    public static ExportForm DefaultsOf(TemplateResponse template) => new()
    {
        Template = template.Id,
        Options = new RenderOptions().WithDefaults(template.DefaultOptions),
    };

    /// <summary>The front end's preview address for these choices (the same names the preview script builds).</summary>
    public string PreviewUrl(Guid generationId)
    {
        var query = new List<string> { $"generation={generationId}", $"template={Uri.EscapeDataString(Template ?? "")}" };
        Add(query, "font", Options.FontFamily);
        Add(query, "accent", Options.AccentColor?.ToLowerInvariant());
        Add(query, "size", Number(Options.FontSize));
        Add(query, "spacing", Number(Options.LineSpacing));
        Add(query, "margins", Number(Options.Margins));
        Add(query, "page", Options.PageSize);
        Add(query, "dates", Options.DateFormat);
        return $"{Routes.ResumePreview}?{string.Join('&', query)}";
    }

    public static string? Number(double? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static void Add(List<string> query, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            query.Add($"{name}={Uri.EscapeDataString(value)}");
        }
    }
}
