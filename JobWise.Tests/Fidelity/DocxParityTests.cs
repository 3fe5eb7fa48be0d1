using System.Text;
using BigGustave;
using JobWise.Renderer.Pdf;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Actions;
using UglyToad.PdfPig.Annotations;

namespace JobWise.Tests.Fidelity;

/// <summary>
/// The DOCX against the PDF of the same template and resume, the DOCX read by an independent word processor
/// (LibreOffice) rather than by our own code: same words in the same order, about as many pages, live links,
/// real lists and headings.
/// </summary>
[Collection(nameof(RenderedDocumentsCollection))]
public sealed class DocxParityTests(RenderedDocuments documents)
{
    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var template in FidelityResumes.Templates)
        {
            foreach (var resume in FidelityResumes.All)
            {
                cases.Add(template, resume);
            }
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Docx_printed_by_LibreOffice_reads_as_the_pdf_word_for_word_in_the_same_order(string template, string resume)
    {
        var document = documents.Get(template, resume);
        var pdfText = ReadingOrderText(document.Pdf);
        var docxText = ReadingOrderText(document.DocxAsPdf);

        var divergence = Enumerable.Range(0, Math.Min(pdfText.Length, docxText.Length)).FirstOrDefault(index => pdfText[index] != docxText[index], -1);
        if (divergence < 0 && pdfText.Length != docxText.Length)
        {
            divergence = Math.Min(pdfText.Length, docxText.Length);
        }
        Assert.True(divergence < 0,
            $"{document}: the texts part at character {divergence}:\n  pdf:  …{Around(pdfText, divergence)}…\n  docx: …{Around(docxText, divergence)}…");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Docx_printed_by_LibreOffice_runs_within_one_page_of_the_pdf(string template, string resume)
    {
        var document = documents.Get(template, resume);
        using var pdf = PdfDocument.Open(document.Pdf);
        using var docx = PdfDocument.Open(document.DocxAsPdf);
        Assert.True(Math.Abs(pdf.NumberOfPages - docx.NumberOfPages) <= 1,
            $"{document}: the PDF has {pdf.NumberOfPages} pages, the DOCX printed by LibreOffice {docx.NumberOfPages}.");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Docx_links_survive_as_clickable_links_to_the_same_addresses_as_the_pdfs(string template, string resume)
    {
        var document = documents.Get(template, resume);
        using var docx = WordprocessingDocument.Open(new MemoryStream(document.Docx), false);
        var docxLinks = docx.MainDocumentPart!.HyperlinkRelationships.Select(link => link.Uri.AbsoluteUri).ToHashSet();
        var printedLinks = LinkAddresses(document.DocxAsPdf);
        var pdfLinks = LinkAddresses(document.Pdf);

        Assert.NotEmpty(pdfLinks);
        Assert.Equal(docxLinks.Order(), printedLinks.Order());
        Assert.Subset(printedLinks, pdfLinks);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Docx_bullets_are_a_word_list_and_headings_are_words_heading_1_and_2(string template, string resume)
    {
        var document = documents.Get(template, resume);
        var content = FidelityResumes.Load(resume);
        using var docx = WordprocessingDocument.Open(new MemoryStream(document.Docx), false);
        var main = docx.MainDocumentPart!;
        var styles = main.StyleDefinitionsPart!.Styles!.Elements<Style>().ToDictionary(style => style.StyleId!.Value!);
        var paragraphs = main.Document!.Body!.Elements<Paragraph>().ToList();

        // Word's navigation pane and parsers know headings by the built-in names and outline levels.
        foreach (var (id, name, level) in new[] { ("Heading1", "heading 1", 0), ("Heading2", "heading 2", 1) })
        {
            Assert.Equal(name, styles[id].StyleName?.Val?.Value);
            Assert.Equal(level, styles[id].StyleParagraphProperties?.OutlineLevel?.Val?.Value);
        }
        var sectionHeadings = paragraphs.Where(paragraph => StyleOf(paragraph) == "Heading1").Select(paragraph => paragraph.InnerText).ToList();
        Assert.Equal(documents.SectionHeadings(template, resume), sectionHeadings);
        Assert.Contains(paragraphs, paragraph => StyleOf(paragraph) == "Heading2");

        // Bullets are list paragraphs on a bullet numbering definition, never typed bullet characters.
        var bulletNumbering = main.NumberingDefinitionsPart!.Numbering!.Elements<AbstractNum>()
            .Where(definition => definition.Elements<Level>().First().NumberingFormat?.Val?.Value == NumberFormatValues.Bullet)
            .Select(definition => definition.AbstractNumberId!.Value)
            .ToHashSet();
        var bulletIds = main.NumberingDefinitionsPart.Numbering.Elements<NumberingInstance>()
            .Where(instance => bulletNumbering.Contains(instance.AbstractNumId!.Val!.Value))
            .Select(instance => instance.NumberID!.Value)
            .ToHashSet();
        var listed = paragraphs.Where(paragraph => paragraph.ParagraphProperties?.NumberingProperties?.NumberingId?.Val?.Value is { } id && bulletIds.Contains(id))
            .Select(paragraph => paragraph.InnerText)
            .ToList();
        Assert.Equal(content.Sections.SelectMany(section => section.Items).SelectMany(item => item.Highlights), listed);
        Assert.DoesNotContain(paragraphs, paragraph => paragraph.InnerText.TrimStart().StartsWith('•'));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void LibreOffice_reads_the_docx_headings_as_an_outline_of_its_sections(string template, string resume)
    {
        var document = documents.Get(template, resume);
        using var printed = PdfDocument.Open(document.DocxAsPdf);
        Assert.True(printed.TryGetBookmarks(out var bookmarks), $"{document}: the printed DOCX has no outline.");
        var topLevel = bookmarks.Roots.Select(node => node.Title).ToList();
        Assert.Equal(documents.SectionHeadings(template, resume), topLevel);
    }

    [Fact]
    public async Task Creative_docx_of_the_json_resume_sample_keeps_the_pdfs_page_count_and_its_coloured_name_band()
    {
        var document = documents.Get("creative", FidelityResumes.JsonResumeSample);
        using (var pdf = PdfDocument.Open(document.Pdf))
        using (var printed = PdfDocument.Open(document.DocxAsPdf))
        {
            Assert.Equal(pdf.NumberOfPages, printed.NumberOfPages);
        }

        // The template's accent (#C2410C) fills a band across the top of page 1, behind the name.
        var page = Png.Open((await PdfRasterizer.RasterizeAsync(document.DocxAsPdf, 50, 1, 1, TestContext.Current.CancellationToken)).Single());
        var bandRows = page.Height / 12;
        var accentPixels = 0;
        for (var y = 0; y < bandRows; y++)
        {
            for (var x = 0; x < page.Width; x++)
            {
                var pixel = page.GetPixel(x, y);
                accentPixels += Math.Abs(pixel.R - 0xC2) < 24 && Math.Abs(pixel.G - 0x41) < 24 && Math.Abs(pixel.B - 0x0C) < 24 ? 1 : 0;
            }
        }
        Assert.True(accentPixels > page.Width * bandRows / 4, $"Only {accentPixels} of {page.Width * bandRows} pixels at the top of page 1 are the accent colour: the name band is lost.");
    }

    private static string? StyleOf(Paragraph paragraph) => paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;

    /// <summary>
    /// The words as a reader meets them, lower-cased letters and digits only: line breaks, hyphenation points, bullet
    /// glyphs and separators differ between two layouts of the same text, the words and their order must not.
    /// </summary>
    private static string ReadingOrderText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var builder = new StringBuilder();
        foreach (var word in document.GetPages().SelectMany(page => page.GetWords()))
        {
            // NFKC: Chromium maps a CJK glyph shared by two code points to the lower one (小 U+5C0F comes out as the
            // Kangxi radical ⼩ U+2F29), which NFKC folds back; poppler's pdftotext does the same.
            foreach (var character in word.Text.Normalize(NormalizationForm.FormKC).Where(char.IsLetterOrDigit))
            {
                builder.Append(char.ToLowerInvariant(character));
            }
        }
        return builder.ToString();
    }

    private static HashSet<string> LinkAddresses(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages()
            .SelectMany(page => page.GetAnnotations())
            .Where(annotation => annotation.Type == AnnotationType.Link)
            .Select(annotation => annotation.Action)
            .OfType<UriAction>()
            .Select(action => new Uri(action.Uri).AbsoluteUri)
            .ToHashSet();
    }

    private static string Around(string text, int index) =>
        text[Math.Max(0, index - 40)..Math.Min(text.Length, index + 40)];
}
