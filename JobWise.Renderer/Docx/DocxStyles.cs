using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using JobWise.Renderer.Templates;

namespace JobWise.Renderer.Docx;

/// <summary>Word's own styles (Title, Heading 1/2, List Bullet, Hyperlink) dressed with the template's font, size, colour and spacing.</summary>
internal static class DocxStyles
{
    public const string Title = "Title";
    public const string Subtitle = "Subtitle";
    public const string Heading1 = "Heading1";
    public const string Heading2 = "Heading2";
    public const string EntryMeta = "EntryMeta";
    public const string ListBullet = "ListBullet";
    public const string Hyperlink = "Hyperlink";
    public const string Contact = "Contact";
    public const int BulletNumberingId = 1;

    private const string MutedColour = "57606A";
    private const string TextColour = "1F2328";
    private const string White = "FFFFFF";

    /// <param name="language">BCP 47 tag of the text, for Word's spelling and hyphenation.</param>
    public static Styles Create(ResolvedOptions options, DocxLook look, string language)
    {
        var halfPoints = HalfPoints(options.FontSize);
        // The stylesheet's line-height is a multiple of the font size; Word's "auto" spacing multiplies the font's own
        // line height (1.36 em for Noto Sans), so the same number ran the creative template a page longer. At-least
        // spacing in points matches CSS and still grows for the larger name.
        var line = ((int)Math.Round(options.FontSize * options.LineSpacing * 20)).ToString(CultureInfo.InvariantCulture);
        var headingColour = look.AccentHeadings ? options.AccentHex : TextColour;
        var centred = look.CentredHeader ? new Justification { Val = JustificationValues.Center } : null;
        return new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = options.FontFamily, HighAnsi = options.FontFamily, ComplexScript = options.FontFamily, EastAsia = options.FontFamily },
                    new FontSize { Val = halfPoints },
                    new FontSizeComplexScript { Val = halfPoints },
                    new Languages { Val = language })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "40", Line = line, LineRule = LineSpacingRuleValues.AtLeast }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle())
            {
                Type = StyleValues.Paragraph, StyleId = "Normal", Default = true,
            },
            Paragraph(Title, "Title", 10,
                new StyleParagraphProperties(Present(Band(look, options), Shading(look, options), new SpacingBetweenLines { After = "0" }, Clone(centred))),
                new StyleRunProperties(new Bold(), new Color { Val = look.HeaderBand ? White : options.AccentHex }, new FontSize { Val = HalfPoints(options.FontSize * 2) })),
            Paragraph(Subtitle, "Subtitle", 11,
                new StyleParagraphProperties(Present(Band(look, options), Shading(look, options), new SpacingBetweenLines { After = look.HeaderBand ? "120" : "40" }, Clone(centred))),
                new StyleRunProperties(new Color { Val = look.HeaderBand ? White : MutedColour }, new FontSize { Val = HalfPoints(options.FontSize * 1.15) })),
            Paragraph(Contact, "Contact", 12,
                new StyleParagraphProperties(Present(new SpacingBetweenLines { After = "0" }, Clone(centred))),
                new StyleRunProperties(new FontSize { Val = HalfPoints(options.FontSize * 0.92) })),
            Paragraph(Heading1, "heading 1", 9,
                new StyleParagraphProperties(Present(
                    new KeepNext(), new KeepLines(),
                    HeadingRule(look, options),
                    new SpacingBetweenLines { Before = "200", After = "80" },
                    new OutlineLevel { Val = 0 })),
                new StyleRunProperties(Present(new Bold(), look.SmallCapsHeadings ? new SmallCaps() : null, new Color { Val = headingColour }, new FontSize { Val = HalfPoints(options.FontSize * 1.1) }))),
            Paragraph(Heading2, "heading 2", 9,
                new StyleParagraphProperties(new KeepNext(), new KeepLines(), new SpacingBetweenLines { Before = "100", After = "0" }, new OutlineLevel { Val = 1 }),
                new StyleRunProperties(Present(new Bold(), look.AccentEntryTitles ? new Color { Val = options.AccentHex } : null, new FontSize { Val = halfPoints }))),
            Paragraph(EntryMeta, "Entry Meta", 20,
                new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { After = "20" }),
                new StyleRunProperties(new Italic(), new Color { Val = MutedColour })),
            Paragraph(ListBullet, "List Bullet", 36,
                new StyleParagraphProperties(
                    new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = BulletNumberingId }),
                    new SpacingBetweenLines { After = "20" },
                    new Indentation { Left = "360", Hanging = "360" }),
                new StyleRunProperties()),
            new Style(
                new StyleName { Val = "Hyperlink" },
                new UIPriority { Val = 99 },
                new UnhideWhenUsed(),
                new StyleRunProperties(new Color { Val = "0563C1" }, new Underline { Val = UnderlineValues.Single }))
            {
                Type = StyleValues.Character, StyleId = Hyperlink,
            });
    }

    public static Numbering CreateBulletNumbering() =>
        new(
            new AbstractNum(
                new MultiLevelType { Val = MultiLevelValues.SingleLevel },
                new Level(
                    new StartNumberingValue { Val = 1 },
                    new NumberingFormat { Val = NumberFormatValues.Bullet },
                    new LevelText { Val = "•" },
                    new LevelJustification { Val = LevelJustificationValues.Left },
                    new PreviousParagraphProperties(new Indentation { Left = "360", Hanging = "360" }))
                { LevelIndex = 0 })
            { AbstractNumberId = 1 },
            new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = BulletNumberingId });

    /// <summary>
    /// The name band: shading plus a border box in the same colour, whose spacing pads the text as the stylesheet
    /// does; consecutive paragraphs with equal borders share one box in Word and LibreOffice.
    /// </summary>
    private static ParagraphBorders? Band(DocxLook look, ResolvedOptions options)
    {
        if (!look.HeaderBand)
        {
            return null;
        }
        return new ParagraphBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4, Space = 6, Color = options.AccentHex },
            new LeftBorder { Val = BorderValues.Single, Size = 4, Space = 8, Color = options.AccentHex },
            new BottomBorder { Val = BorderValues.Single, Size = 4, Space = 6, Color = options.AccentHex },
            new RightBorder { Val = BorderValues.Single, Size = 4, Space = 8, Color = options.AccentHex });
    }

    private static Shading? Shading(DocxLook look, ResolvedOptions options) =>
        look.HeaderBand ? new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = options.AccentHex } : null;

    private static ParagraphBorders? HeadingRule(DocxLook look, ResolvedOptions options) => look.HeadingRule switch
    {
        DocxHeadingRules.Bottom => new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6, Space = 1, Color = options.AccentHex }),
        DocxHeadingRules.Left => new ParagraphBorders(new LeftBorder { Val = BorderValues.Single, Size = 24, Space = 4, Color = options.AccentHex }),
        _ => null,
    };

    /// <summary>The properties a look asks for, in schema order, leaving out those it does not.</summary>
    private static IEnumerable<OpenXmlElement> Present(params OpenXmlElement?[] elements) => elements.OfType<OpenXmlElement>();

    private static Justification? Clone(Justification? justification) => (Justification?)justification?.CloneNode(true);

    private static Style Paragraph(string id, string name, int priority, StyleParagraphProperties paragraph, StyleRunProperties run) =>
        new(
            new StyleName { Val = name },
            new BasedOn { Val = "Normal" },
            new NextParagraphStyle { Val = "Normal" },
            new UIPriority { Val = priority },
            new PrimaryStyle(),
            paragraph,
            run)
        {
            Type = StyleValues.Paragraph, StyleId = id,
        };

    private static string HalfPoints(double points) => ((int)Math.Round(points * 2)).ToString(CultureInfo.InvariantCulture);
}
