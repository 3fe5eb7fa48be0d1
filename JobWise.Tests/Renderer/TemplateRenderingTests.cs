using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using JobWise.Contracts;
using UglyToad.PdfPig;

namespace JobWise.Tests.Renderer;

public sealed class TemplateRenderingTests(RendererFactory renderer) : IClassFixture<RendererFactory>
{
    public static TheoryData<string> Templates => ["modern", "classic", "creative", "ats_optimized"];

    private static readonly Dictionary<string, string> DefaultFonts = new()
    {
        ["modern"] = "LiberationSans",
        ["classic"] = "LiberationSerif",
        ["creative"] = "NotoSans",
        ["ats_optimized"] = "LiberationSans",
    };

    /// <summary>Name, headline, then per section its heading, each entry's name and each bullet, in document order.</summary>
    private static IEnumerable<string> ExpectedReadingOrder(ResumeDocument resume)
    {
        yield return resume.Header.Name;
        yield return resume.Header.Title!;
        foreach (var section in resume.Sections)
        {
            yield return section.Title!;
            if (section.Text is not null)
            {
                yield return section.Text;
            }
            foreach (var group in section.Groups)
            {
                yield return group.Name;
                foreach (var item in group.Items)
                {
                    yield return item;
                }
            }
            foreach (var item in section.Items)
            {
                yield return item.Title ?? item.Name ?? item.Degree!;
                foreach (var highlight in item.Highlights)
                {
                    yield return highlight;
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task Pdf_of_the_full_sample_has_every_name_heading_and_bullet_in_reading_order(string template)
    {
        var resume = RendererFactory.SampleResume();
        Assert.Equal(SectionTypes.All.Order(), resume.Sections.Select(section => section.Type).Order());

        using var response = await renderer.RenderAsync(new RenderRequest { Content = resume, Template = template }, TestContext.Current.CancellationToken);
        var pdf = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, Encoding.UTF8.GetString(pdf));
        Assert.Equal(RenderFormats.PdfMediaType, response.Content.Headers.ContentType?.MediaType);

        PdfInspection.AssertInOrder(PdfInspection.Text(pdf), ExpectedReadingOrder(resume));
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task Pdf_embeds_the_templates_fonts_reports_its_page_count_and_carries_title_author_tags_and_outline(string template)
    {
        var resume = RendererFactory.SampleResume();
        using var response = await renderer.RenderAsync(new RenderRequest { Content = resume, Template = template }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var pdf = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        using var document = PdfDocument.Open(pdf);
        Assert.InRange(document.NumberOfPages, 2, 3);
        Assert.Equal(document.NumberOfPages.ToString(), Assert.Single(response.Headers.GetValues(RenderRequest.PageCountHeader)));

        var fontNames = document.GetPages().SelectMany(page => page.Letters).Select(letter => letter.FontName ?? "").Distinct().ToList();
        // A subset prefix (ABCDEF+Name) marks a font embedded in the file; no text may rely on a reader's own fonts.
        Assert.All(fontNames, name => Assert.Matches("^[A-Z]{6}\\+", name));
        Assert.Contains(fontNames, name => name.Contains(DefaultFonts[template], StringComparison.Ordinal));
        var raw = Encoding.Latin1.GetString(pdf);
        Assert.Contains("/FontFile2", raw);

        Assert.Equal("Alexandra Chen - Senior Software Engineer", document.Information.Title);
        Assert.Equal("Alexandra Chen", document.Information.Author);
        Assert.Contains("/StructTreeRoot", raw);
        Assert.True(document.TryGetBookmarks(out var bookmarks), "The PDF has no outline.");
        Assert.NotEmpty(bookmarks.GetNodes());
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task Docx_of_the_full_sample_validates_with_zero_errors_and_uses_real_headings_bullets_and_links(string template)
    {
        var resume = RendererFactory.SampleResume();
        using var response = await renderer.RenderAsync(new RenderRequest { Content = resume, Template = template, Format = RenderFormats.Docx }, TestContext.Current.CancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, Encoding.UTF8.GetString(bytes));
        Assert.Equal(RenderFormats.DocxMediaType, response.Content.Headers.ContentType?.MediaType);

        using var docx = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator().Validate(docx, TestContext.Current.CancellationToken).Select(error => $"{error.Path?.XPath}: {error.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        var body = docx.MainDocumentPart!.Document!.Body!;
        var headings = body.Elements<Paragraph>()
            .Where(paragraph => paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1")
            .Select(paragraph => paragraph.InnerText)
            .ToList();
        Assert.Equal(resume.Sections.Select(section => section.Title), headings);

        var bullets = body.Elements<Paragraph>().Where(paragraph => paragraph.ParagraphProperties?.NumberingProperties is not null).Select(paragraph => paragraph.InnerText).ToList();
        Assert.Equal(resume.Sections.SelectMany(section => section.Items).SelectMany(item => item.Highlights), bullets);
        Assert.NotNull(docx.MainDocumentPart.NumberingDefinitionsPart);

        Assert.Contains(docx.MainDocumentPart.HyperlinkRelationships, link => link.Uri.AbsoluteUri == "https://github.com/alexchen-dev");
        Assert.Empty(body.Descendants<Table>());
        Assert.Empty(docx.MainDocumentPart.HeaderParts);
        Assert.Contains(resume.Header.Email!, body.InnerText);
        Assert.Equal("Alexandra Chen - Senior Software Engineer", docx.PackageProperties.Title);
        Assert.Equal("Alexandra Chen", docx.PackageProperties.Creator);
    }

    [Fact]
    public async Task Empty_sections_are_left_out_of_pdf_and_docx()
    {
        var resume = RendererFactory.SampleResume();
        resume.Sections.Add(new ResumeSection { Type = SectionTypes.Awards, Title = "Unused Awards Heading", Items = [new ResumeItem()] });
        resume.Sections.Add(new ResumeSection { Type = SectionTypes.Skills, Title = "Unused Skills Heading" });

        using var pdfResponse = await renderer.RenderAsync(new RenderRequest { Content = resume, Template = "modern" }, TestContext.Current.CancellationToken);
        var text = PdfInspection.Text(await pdfResponse.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Contains(PdfInspection.Normalise("Professional Summary"), text);
        Assert.DoesNotContain(PdfInspection.Normalise("Unused"), text);

        using var docxResponse = await renderer.RenderAsync(new RenderRequest { Content = resume, Template = "modern", Format = RenderFormats.Docx }, TestContext.Current.CancellationToken);
        using var docx = WordprocessingDocument.Open(new MemoryStream(await docxResponse.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)), false);
        Assert.DoesNotContain("Unused", docx.MainDocumentPart!.Document!.Body!.InnerText);
    }

    [Fact]
    public async Task Page_size_and_font_options_reach_the_pdf()
    {
        var request = new RenderRequest
        {
            Content = RendererFactory.SampleResume(),
            Template = "modern",
            Options = new RenderOptions { PageSize = "Letter", FontFamily = "DejaVu Sans", Margins = 25 },
        };
        using var response = await renderer.RenderAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        var page = document.GetPage(1);
        Assert.Equal(612, page.Width, 0.5);
        Assert.Equal(792, page.Height, 0.5);
        Assert.Contains(page.Letters, letter => (letter.FontName ?? "").Contains("DejaVuSans", StringComparison.Ordinal));
        // 25 mm margins (70.9 pt): no glyph starts left of them, allowing for side bearings.
        Assert.All(page.Letters, letter => Assert.True(letter.BoundingBox.Left >= 68, $"'{letter.Value}' at {letter.BoundingBox.Left}"));
    }

    [Fact]
    public async Task A_reused_page_carries_nothing_over_from_the_previous_render()
    {
        var first = RendererFactory.SampleResume();
        first.Header.Name = "Firstrender Uniquemarker";
        using (var response = await renderer.RenderAsync(new RenderRequest { Content = first, Template = "classic" }, TestContext.Current.CancellationToken))
        {
            Assert.Contains("firstrenderuniquemarker", PdfInspection.Text(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)));
        }
        var second = new ResumeDocument { Header = new ResumeHeader { Name = "Second Person" } };
        using var secondResponse = await renderer.RenderAsync(new RenderRequest { Content = second, Template = "classic" }, TestContext.Current.CancellationToken);
        var text = PdfInspection.Text(await secondResponse.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Contains("secondperson", text);
        Assert.DoesNotContain("uniquemarker", text);
        Assert.DoesNotContain("brightpay", text);
    }
}
