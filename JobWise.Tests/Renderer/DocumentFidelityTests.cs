using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using JobWise.ApiService.Ats;
using JobWise.Contracts;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace JobWise.Tests.Renderer;

/// <summary>
/// What a recruiter reads and a parser extracts from every template in both formats: dates as people write them,
/// hyphenated names intact, document properties set, and the ATS checker satisfied.
/// </summary>
public sealed class DocumentFidelityTests(RendererFactory renderer) : IClassFixture<RendererFactory>
{
    private byte[]? _lastPdf;

    public static TheoryData<string, string> TemplatesAndFormats()
    {
        var data = new TheoryData<string, string>();
        foreach (var template in new[] { "modern", "classic", "creative", "ats_optimized" })
        {
            data.Add(template, RenderFormats.Pdf);
            data.Add(template, RenderFormats.Docx);
        }
        return data;
    }

    /// <summary>The shipped sample with the JSON Resume sample's first job (December 2013 to December 2014) added.</summary>
    private static ResumeDocument SampleWithPiedPiper()
    {
        var resume = RendererFactory.SampleResume();
        resume.Sections.Single(section => section.Type == SectionTypes.Experience).Items.Add(new ResumeItem
        {
            Title = "CEO/President", Organization = "Pied Piper", OrganizationDescription = "Awesome compression company",
            Location = "Palo Alto, CA", Start = "2013-12-01", End = "2014-12-01", Highlights = ["Successfully won Techcrunch Disrupt"],
        });
        return resume;
    }

    [Theory]
    [MemberData(nameof(TemplatesAndFormats))]
    public async Task Dates_read_as_month_and_year_with_an_en_dash_and_present_for_an_open_end(string template, string format)
    {
        var text = await TextAsync(new RenderRequest { Content = SampleWithPiedPiper(), Template = template, Format = format });

        Assert.Contains("Dec 2013 – Dec 2014", text);
        Assert.Contains("Mar 2021 – Present", text);
        Assert.Contains("Jun 2017 – Feb 2021", text);
        Assert.Contains("Apr 2022", text);
        Assert.DoesNotContain("2013-12", text);
        Assert.DoesNotContain("2021-03", text);
        Assert.Contains("Awesome compression company", text);
    }

    [Theory]
    [InlineData(ResumeDates.NumericMonthYear, RenderFormats.Pdf, "12/2013 – 12/2014", "03/2021 – Present")]
    [InlineData(ResumeDates.NumericMonthYear, RenderFormats.Docx, "12/2013 – 12/2014", "03/2021 – Present")]
    [InlineData(ResumeDates.YearOnly, RenderFormats.Pdf, "2013 – 2014", "2021 – Present")]
    [InlineData(ResumeDates.YearOnly, RenderFormats.Docx, "2013 – 2014", "2021 – Present")]
    public async Task The_date_format_option_writes_numeric_months_or_years_alone(string dateFormat, string format, string closed, string open)
    {
        var text = await TextAsync(new RenderRequest
        {
            Content = SampleWithPiedPiper(), Template = "modern", Format = format, Options = new RenderOptions { DateFormat = dateFormat },
        });
        Assert.Contains(closed, text);
        Assert.Contains(open, text);
        Assert.DoesNotContain("Dec 2013", text);
    }

    [Theory]
    [InlineData(RenderFormats.Pdf)]
    [InlineData(RenderFormats.Docx)]
    public async Task Month_names_and_the_open_end_follow_the_documents_language(string format)
    {
        var resume = SampleWithPiedPiper();
        resume.Language = "de-DE";
        var text = await TextAsync(new RenderRequest { Content = resume, Template = "classic", Format = format });
        // ICU's German abbreviations, without a full stop.
        Assert.Contains("Dez 2013 – Dez 2014", text);
        Assert.Contains("Mär 2021 – heute", text);
    }

    [Theory]
    [InlineData("dd.MM.yyyy")]
    [InlineData("MMMM yyyy")]
    [InlineData("")]
    public async Task An_unknown_date_format_is_a_400_naming_the_option(string dateFormat)
    {
        using var response = await renderer.RenderAsync(new RenderRequest
        {
            Content = RendererFactory.SampleResume(), Template = "modern", Options = new RenderOptions { DateFormat = dateFormat },
        }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("options.date_format", body);
        Assert.Contains("MMM yyyy", body);
    }

    [Theory]
    [MemberData(nameof(TemplatesAndFormats))]
    public async Task Hyphenated_names_and_headings_survive_text_extraction(string template, string format)
    {
        var resume = RendererFactory.SampleResume();
        resume.Header.Name = "Zoë Ångström-Nguyễn";
        resume.Header.Title = "BOLD-LITERAL Engineer";
        resume.Sections[0].Title = "BOLD-LITERAL Summary";
        resume.Sections.Single(section => section.Type == SectionTypes.Skills).Title = "Cross-Functional Skills";
        resume.Sections.Single(section => section.Type == SectionTypes.Experience).Items[0].Organization = "Hewlett-Packard";

        var text = await TextAsync(new RenderRequest { Content = resume, Template = template, Format = format });
        var pageText = format == RenderFormats.Pdf ? PdfInspection.Text(_lastPdf!) : null;

        foreach (var word in new[] { "Ångström-Nguyễn", "BOLD-LITERAL Engineer", "Hewlett-Packard", "event-sourced", "multi-tenant" }
            .Concat(template == "ats_optimized" ? [] : ["Cross-Functional Skills"]))
        {
            Assert.Contains(word, text);
            if (pageText is not null)
            {
                // PdfPig's plain page text too (letters in content-stream order), which other tests read.
                Assert.Contains(PdfInspection.Normalise(word), pageText);
            }
        }
        // The heading as the template shows it: its own words, or the standard heading the ATS template puts instead.
        Assert.Contains(template == "ats_optimized" ? "Professional Summary" : "BOLD-LITERAL Summary", text);
    }

    [Theory]
    [InlineData("modern")]
    [InlineData("classic")]
    [InlineData("creative")]
    [InlineData("ats_optimized")]
    public async Task Pdf_carries_title_author_subject_keywords_and_language(string template)
    {
        var resume = RendererFactory.SampleResume();
        resume.Language = "en-GB";
        using var response = await renderer.RenderAsync(new RenderRequest { Content = resume, Template = template, DocumentTitle = "Alexandra Chen — Staff Engineer, Northwind" },
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));

        Assert.Equal("Alexandra Chen — Staff Engineer, Northwind", pdf.Information.Title);
        Assert.Equal("Alexandra Chen", pdf.Information.Author);
        Assert.Equal("Resume: Senior Software Engineer", pdf.Information.Subject);
        Assert.StartsWith("C#, Go, TypeScript, SQL, ASP.NET Core", pdf.Information.Keywords);
        Assert.True(pdf.Structure.Catalog.CatalogDictionary.TryGet(NameToken.Lang, out IToken language), "The catalog has no /Lang.");
        Assert.Equal("en-GB", Assert.IsType<StringToken>(language).Data);
    }

    [Theory]
    [InlineData("modern")]
    [InlineData("ats_optimized")]
    public async Task Docx_carries_title_author_subject_keywords_and_language(string template)
    {
        var resume = RendererFactory.SampleResume();
        resume.Language = "fr-CA";
        using var response = await renderer.RenderAsync(new RenderRequest { Content = resume, Template = template, Format = RenderFormats.Docx },
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var docx = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)), false);

        var properties = docx.PackageProperties;
        Assert.Equal("Alexandra Chen - Senior Software Engineer", properties.Title);
        Assert.Equal("Alexandra Chen", properties.Creator);
        Assert.Equal("Resume: Senior Software Engineer", properties.Subject);
        Assert.StartsWith("C#, Go, TypeScript, SQL, ASP.NET Core", properties.Keywords);
        Assert.Equal("fr-CA", properties.Language);
        var styles = docx.MainDocumentPart!.StyleDefinitionsPart!.Styles!;
        Assert.Equal("fr-CA", styles.Descendants<DocumentFormat.OpenXml.Wordprocessing.Languages>().Single().Val?.Value);
    }

    [Fact]
    public async Task An_unknown_document_language_is_a_400_naming_the_field()
    {
        var resume = RendererFactory.SampleResume();
        resume.Language = "xx-notalanguage";
        using var response = await renderer.RenderAsync(new RenderRequest { Content = resume, Template = "modern" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("content.language", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(TemplatesAndFormats))]
    public async Task The_ats_checker_scores_the_samples_100_in_every_template_and_format(string template, string format)
    {
        foreach (var sample in AtsSampleResumes.All.Append(RendererFactory.SampleResume()).Append(SampleWithPiedPiper()))
        {
            using var response = await renderer.RenderAsync(new RenderRequest { Content = sample, Template = template, Format = format },
                TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var text = ExportTextReader.Read(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken), format);
            var report = AtsChecker.Check(sample, text, null, TestContext.Current.CancellationToken);
            Assert.True(report.Score == 100,
                $"{sample.Header.Name}: {report.Score}\n{string.Join("\n", report.Findings.Select(finding => $"{finding.Check}: {finding.Message}"))}");
        }
    }

    [Theory]
    [InlineData("modern")]
    [InlineData("classic")]
    [InlineData("creative")]
    [InlineData("ats_optimized")]
    public async Task An_entry_longer_than_a_page_keeps_its_header_with_its_first_line(string template)
    {
        var resume = RendererFactory.SampleResume();
        var experience = resume.Sections.Single(section => section.Type == SectionTypes.Experience);
        experience.Items[1].Highlights = Enumerable.Range(1, 70)
            .Select(index => $"Bullet number {index} of a very long entry that describes work in enough words to wrap onto a second line of text.")
            .ToList();
        using var response = await renderer.RenderAsync(new RenderRequest { Content = resume, Template = template }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));

        var pages = pdf.GetPages().Select(page => PdfInspection.Normalise(page.Text)).ToList();
        var headerPage = pages.FindIndex(page => page.Contains("cloudnest", StringComparison.Ordinal));
        var firstLinePage = pages.FindIndex(page => page.Contains("bulletnumber1of", StringComparison.Ordinal));
        Assert.True(headerPage >= 0 && headerPage == firstLinePage, $"header on page {headerPage + 1}, first line on page {firstLinePage + 1}");
        // The entry was allowed to break: it is longer than a page, and its last bullet is on a later page.
        Assert.True(pages.FindIndex(page => page.Contains("bulletnumber70of", StringComparison.Ordinal)) > headerPage);
    }

    private async Task<string> TextAsync(RenderRequest request)
    {
        using var response = await renderer.RenderAsync(request, TestContext.Current.CancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, Encoding.UTF8.GetString(bytes));
        // What a parser gets: PdfPig's text in content order, or the DOCX's paragraphs; line breaks count as spaces.
        _lastPdf = request.Format == RenderFormats.Pdf ? bytes : null;
        return string.Join(' ', ExportTextReader.Read(bytes, request.Format).Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
    }
}
