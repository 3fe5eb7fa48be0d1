using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using JobWise.Renderer.Templates;

namespace JobWise.Renderer.Docx;

/// <summary>
/// The same normalised resume as Word paragraphs: real heading styles, real numbering for bullets, live hyperlinks,
/// contact details in the body (parsers skip page headers), no tables or text boxes.
/// </summary>
public sealed class DocxRenderer
{
    private const double TwipsPerMillimetre = 1440 / 25.4;

    public byte[] Render(LoadedTemplate template, ResumeView resume, ResolvedOptions options)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var properties = resume.Properties;
            document.PackageProperties.Title = properties.Title;
            document.PackageProperties.Creator = properties.Author;
            document.PackageProperties.Subject = properties.Subject;
            document.PackageProperties.Keywords = properties.Keywords;
            document.PackageProperties.Language = properties.Language;
            document.PackageProperties.Created = DateTime.UtcNow;

            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = DocxStyles.Create(options, template.Metadata.Docx, properties.Language);
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = DocxStyles.CreateBulletNumbering();

            var body = new Body();
            var writer = new Writer(main, body, template.Metadata.Docx);
            writer.Header(resume.Header);
            foreach (var section in resume.Sections)
            {
                writer.Section(section, template.Metadata.StandardHeadings);
            }
            body.Append(SectionProperties(options));
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }

    private static SectionProperties SectionProperties(ResolvedOptions options)
    {
        var (widthMm, heightMm) = PageSizes.Dimensions(options.PageSize);
        var margin = (int)Math.Round(options.MarginsMm * TwipsPerMillimetre);
        return new SectionProperties(
            new PageSize { Width = (UInt32Value)(uint)Math.Round(widthMm * TwipsPerMillimetre), Height = (UInt32Value)(uint)Math.Round(heightMm * TwipsPerMillimetre) },
            new PageMargin { Top = margin, Bottom = margin, Left = (uint)margin, Right = (uint)margin, Header = 708, Footer = 708, Gutter = 0 });
    }

    private sealed class Writer(MainDocumentPart main, Body body, DocxLook look)
    {
        public void Header(HeaderView header)
        {
            body.Append(Styled(DocxStyles.Title, Text(header.Name)));
            if (header.Title is not null)
            {
                body.Append(Styled(DocxStyles.Subtitle, Text(header.Title)));
            }
            if (header.Contact.Count > 0)
            {
                var contact = Styled(DocxStyles.Contact);
                for (var index = 0; index < header.Contact.Count; index++)
                {
                    if (index > 0)
                    {
                        contact.Append(Text(" | "));
                    }
                    var item = header.Contact[index];
                    contact.Append(item == header.Email ? Link("mailto:" + item, item) : Text(item));
                }
                body.Append(contact);
            }
            if (header.Links.Count > 0)
            {
                var links = Styled(DocxStyles.Contact);
                for (var index = 0; index < header.Links.Count; index++)
                {
                    var link = header.Links[index];
                    links.Append(Text((index > 0 ? " | " : "") + link.Label + ": "));
                    links.Append(link.Href is null ? Text(link.Url) : Link(link.Href, link.Url));
                }
                body.Append(links);
            }
        }

        public void Section(SectionView section, bool standardHeadings)
        {
            body.Append(Styled(DocxStyles.Heading1, Text(standardHeadings ? section.StandardTitle : section.Title)));
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case TextBlock text:
                        body.Append(text.Paragraphs.Select(paragraph => new Paragraph(Text(paragraph))));
                        break;
                    case SkillsBlock skills:
                        foreach (var group in skills.Groups)
                        {
                            var label = group.Level is null ? group.Name : $"{group.Name} ({group.Level})";
                            body.Append(new Paragraph(Text(label + ": ", bold: true), Text(string.Join(", ", group.Items))));
                        }
                        break;
                    case EntryBlock entry:
                        Entry(entry);
                        break;
                }
            }
        }

        private void Entry(EntryBlock entry)
        {
            var heading = Styled(DocxStyles.Heading2, Text(entry.Heading));
            if (entry.Subheading is not null)
            {
                var subheading = Text(", " + entry.Subheading, bold: false);
                if (look.AccentEntryTitles)
                {
                    // The organisation stays in the text colour beside an accent-coloured title, as on the page.
                    subheading.RunProperties!.Append(new Color { Val = "1F2328" });
                }
                heading.Append(subheading);
            }
            body.Append(heading);
            if (entry.Meta is not null)
            {
                body.Append(Styled(DocxStyles.EntryMeta, Text(entry.Meta)));
            }
            if (entry.OrganizationDescription is not null)
            {
                body.Append(Styled(DocxStyles.EntryMeta, Text(entry.OrganizationDescription)));
            }
            if (entry.Description is not null)
            {
                body.Append(new Paragraph(Text(entry.Description)));
            }
            foreach (var highlight in entry.Highlights)
            {
                body.Append(new Paragraph(
                    new ParagraphProperties(
                        new ParagraphStyleId { Val = DocxStyles.ListBullet },
                        new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = DocxStyles.BulletNumberingId })),
                    Text(highlight)));
            }
            if (entry.Tags.Count > 0)
            {
                body.Append(new Paragraph(Text(entry.TagsLabel + ": ", bold: true), Text(string.Join(", ", entry.Tags))));
            }
            if (entry.Url is not null)
            {
                body.Append(new Paragraph(entry.Href is null ? Text(entry.Url) : Link(entry.Href, entry.Url)));
            }
        }

        /// <summary>A live link, or the text alone when the address is no URI (an email such as <c>not an address</c>).</summary>
        private OpenXmlElement Link(string href, string text)
        {
            if (!Uri.TryCreate(href, UriKind.Absolute, out var uri))
            {
                return Text(text);
            }
            var relationship = main.AddHyperlinkRelationship(uri, isExternal: true);
            return new Hyperlink(new Run(new RunProperties(new RunStyle { Val = DocxStyles.Hyperlink }), TextElement(text)))
            {
                Id = relationship.Id,
                History = true,
            };
        }

        private static Paragraph Styled(string styleId, params OpenXmlElement[] content) =>
            new(new OpenXmlElement[] { new ParagraphProperties(new ParagraphStyleId { Val = styleId }) }.Concat(content));

        private static Run Text(string text, bool? bold = null)
        {
            var run = new Run();
            if (bold is { } isBold)
            {
                run.Append(new RunProperties(new Bold { Val = OnOffValue.FromBoolean(isBold) }));
            }
            run.Append(TextElement(text));
            return run;
        }

        private static Text TextElement(string text) => new(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve };

        /// <summary>Control characters other than tab are not allowed in XML; they are dropped.</summary>
        private static string XmlSafe(string text) =>
            text.Any(character => char.IsControl(character) && character != '\t')
                ? new string(text.Where(character => !char.IsControl(character) || character == '\t').ToArray())
                : text;
    }
}
