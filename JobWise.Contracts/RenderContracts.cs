namespace JobWise.Contracts;

/// <summary>
/// The renderer's internal API, called by the API service:
/// <c>POST /render</c> with this body answers the file's bytes (<c>application/pdf</c> or the DOCX media type)
/// and, for PDF, the page count in the <see cref="PageCountHeader"/> header.
/// Errors are problem details: 400 bad options or content, 413 too large, 422 over the page limit,
/// 429 queue full and 503 Chromium unavailable or render timed out (both with Retry-After). A refusal given before any
/// page was used for the request carries <see cref="NotStartedHeader"/>, so the caller may send it to another replica.
/// </summary>
public sealed class RenderRequest
{
    public ResumeDocument Content { get; set; } = new();
    public string Template { get; set; } = "";
    public string Format { get; set; } = RenderFormats.Pdf;
    public RenderOptions? Options { get; set; }

    /// <summary>Document properties (PDF/DOCX title and author); defaults come from the header.</summary>
    public string? DocumentTitle { get; set; }

    public const string PageCountHeader = "X-Page-Count";

    public const string NotStartedHeader = "X-Render-Not-Started";
}

/// <summary>Layout options; every one is optional and validated against the template's metadata.</summary>
public sealed class RenderOptions
{
    public string? FontFamily { get; set; }
    /// <summary><c>#RRGGBB</c>.</summary>
    public string? AccentColor { get; set; }
    /// <summary>Points.</summary>
    public double? FontSize { get; set; }
    public double? LineSpacing { get; set; }
    /// <summary>Millimetres, on every side.</summary>
    public double? Margins { get; set; }
    /// <summary><c>A4</c> or <c>Letter</c>.</summary>
    public string? PageSize { get; set; }
    /// <summary>How dates are written: one of <see cref="ResumeDates.Formats"/> (<c>MMM yyyy</c>, <c>MM/yyyy</c>, <c>yyyy</c>).</summary>
    public string? DateFormat { get; set; }

    /// <summary>
    /// These options with every one left out taken from <paramref name="defaults"/> (a template's): the set the file is
    /// made with, so that <c>{}</c> and the spelled-out defaults are one request, one fingerprint and one file.
    /// </summary>
    public RenderOptions WithDefaults(RenderOptions defaults) => new()
    {
        FontFamily = FontFamily ?? defaults.FontFamily,
        AccentColor = AccentColor ?? defaults.AccentColor,
        FontSize = FontSize ?? defaults.FontSize,
        LineSpacing = LineSpacing ?? defaults.LineSpacing,
        Margins = Margins ?? defaults.Margins,
        PageSize = PageSize ?? defaults.PageSize,
        DateFormat = DateFormat ?? defaults.DateFormat,
    };
}

/// <summary>
/// The option names as every body spells them (the JSON names of <see cref="RenderOptions"/>): the API's reader, the
/// renderer's checks, template metadata's <c>supported_options</c> and the web front end all take them from here.
/// </summary>
public static class RenderOptionNames
{
    public const string FontFamily = "font_family";
    public const string AccentColor = "accent_color";
    public const string FontSize = "font_size";
    public const string LineSpacing = "line_spacing";
    public const string Margins = "margins";
    public const string PageSize = "page_size";
    public const string DateFormat = "date_format";

    public static readonly IReadOnlyList<string> All = [FontFamily, AccentColor, FontSize, LineSpacing, Margins, PageSize, DateFormat];

    /// <summary>The options whose values are numbers; the rest are strings.</summary>
    public static readonly IReadOnlySet<string> Numbers = new HashSet<string> { FontSize, LineSpacing, Margins };
}

public static class RenderFormats
{
    public const string Pdf = "pdf";
    public const string Docx = "docx";

    public const string PdfMediaType = "application/pdf";
    public const string DocxMediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
}

/// <summary><c>GET /templates</c> answers <c>{"templates": [TemplateInfo...]}</c>; <c>GET /templates/{id}/preview</c> a PNG.</summary>
public class TemplateInfo
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public List<string> BestFor { get; set; } = [];
    public List<string> AllowedFonts { get; set; } = [];
    public RenderOptions DefaultOptions { get; set; } = new();
    /// <summary>Which of the option names (snake_case) this template honours.</summary>
    public List<string> SupportedOptions { get; set; } = [];
}

public sealed class TemplateCatalogue
{
    public List<TemplateInfo> Templates { get; set; } = [];
}
