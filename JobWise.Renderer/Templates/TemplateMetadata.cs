using JobWise.Contracts;

namespace JobWise.Renderer.Templates;

/// <summary>
/// A template folder's <c>template.json</c>: what the catalogue shows (<see cref="TemplateInfo"/>) plus the bounds its
/// options are checked against and its DOCX look.
/// </summary>
public sealed class TemplateMetadata : TemplateInfo
{
    public OptionLimits Limits { get; set; } = new();

    /// <summary>Use the standard section headings (Experience, Education...) instead of the titles the user chose: what ATS parsers expect.</summary>
    public bool StandardHeadings { get; set; }

    /// <summary>The template's look in the DOCX, which Word builds from paragraph styles rather than from the stylesheet.</summary>
    public Docx.DocxLook Docx { get; set; } = new();

    /// <summary>The catalogue's part alone (serialised as <see cref="TemplateInfo"/>, the limits and the DOCX look stay in).</summary>
    public TemplateInfo ToInfo() => new()
    {
        Id = Id,
        Name = Name,
        Description = Description,
        BestFor = [.. BestFor],
        AllowedFonts = [.. AllowedFonts],
        DefaultOptions = DefaultOptions,
        SupportedOptions = [.. SupportedOptions],
    };
}

public sealed class OptionLimits
{
    public NumberRange FontSize { get; set; } = new() { Min = 8, Max = 14 };
    public NumberRange LineSpacing { get; set; } = new() { Min = 1, Max = 2 };
    public NumberRange Margins { get; set; } = new() { Min = 5, Max = 40 };
    public List<string> PageSizes { get; set; } = [Templates.PageSizes.A4, Templates.PageSizes.Letter];
}

public sealed class NumberRange
{
    public double Min { get; set; }
    public double Max { get; set; }

    public bool Contains(double value) => value >= Min && value <= Max;
}

public static class PageSizes
{
    public const string A4 = "A4";
    public const string Letter = "Letter";

    public static (double WidthMm, double HeightMm) Dimensions(string pageSize) =>
        pageSize == Letter ? (215.9, 279.4) : (210, 297);
}
