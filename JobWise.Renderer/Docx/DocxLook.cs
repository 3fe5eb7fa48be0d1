namespace JobWise.Renderer.Docx;

/// <summary>
/// How a template's look carries into Word (template.json's <c>docx</c> block): the few things paragraphs can hold
/// without tables or text boxes, which parsers read badly.
/// </summary>
public sealed class DocxLook
{
    /// <summary>Name and headline on a band of the accent colour, in white (paragraph shading).</summary>
    public bool HeaderBand { get; set; }

    public bool CentredHeader { get; set; }

    /// <summary><c>bottom</c> (a rule under each section heading), <c>left</c> (an accent bar before it) or <c>none</c>.</summary>
    public string HeadingRule { get; set; } = DocxHeadingRules.Bottom;

    /// <summary>Section headings in the accent colour, or in the text colour.</summary>
    public bool AccentHeadings { get; set; } = true;

    public bool SmallCapsHeadings { get; set; }

    /// <summary>Entry titles (job, degree) in the accent colour.</summary>
    public bool AccentEntryTitles { get; set; }
}

public static class DocxHeadingRules
{
    public const string Bottom = "bottom";
    public const string Left = "left";
    public const string None = "none";
}
