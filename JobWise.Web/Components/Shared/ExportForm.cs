using System.Globalization;
using JobWise.Contracts;
using JobWise.Web.ApiClient;
using JobWise.Web.Components;

namespace JobWise.Web.Components.Shared;

/// <summary>The export page's choices: a template and its layout options.</summary>
public sealed class ExportForm
{
    public string? Template { get; set; }
    public string? FontFamily { get; set; }
    public string? AccentColor { get; set; }
    public double? FontSize { get; set; }
    public double? LineSpacing { get; set; }
    public double? Margins { get; set; }
    public string? PageSize { get; set; }
    public string? Format { get; set; }

    public static ExportForm DefaultsOf(TemplateResponse template) => new()
    {
        Template = template.Id,
        FontFamily = template.DefaultOptions.FontFamily,
        AccentColor = template.DefaultOptions.AccentColor?.ToLowerInvariant(),
        FontSize = template.DefaultOptions.FontSize,
        LineSpacing = template.DefaultOptions.LineSpacing,
        Margins = template.DefaultOptions.Margins,
        PageSize = template.DefaultOptions.PageSize,
    };

    public RenderOptions Options() => new()
    {
        FontFamily = FontFamily, AccentColor = AccentColor, FontSize = FontSize, LineSpacing = LineSpacing, Margins = Margins, PageSize = PageSize,
    };

    /// <summary>The front end's preview address for these choices (the same names the preview script builds).</summary>
    public string PreviewUrl(Guid generationId)
    {
        var query = new List<string> { $"generation={generationId}", $"template={Uri.EscapeDataString(Template ?? "")}" };
        Add(query, "font", FontFamily);
        Add(query, "accent", AccentColor);
        Add(query, "size", Number(FontSize));
        Add(query, "spacing", Number(LineSpacing));
        Add(query, "margins", Number(Margins));
        Add(query, "page", PageSize);
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
