using System.Net;
using System.Text;
using JobWise.Contracts;
using JobWise.Renderer.Templates;
using Microsoft.Extensions.DependencyInjection;
using JobWise.Tests.Renderer;
using JobWise.Tests.Visual;

namespace JobWise.Tests.Fidelity;

/// <summary>One template's rendering of one resume: Chromium's PDF, our DOCX, and that DOCX as LibreOffice prints it.</summary>
public sealed record RenderedDocument(string Template, string Resume, byte[] Pdf, byte[] Docx, byte[] DocxAsPdf)
{
    public override string ToString() => $"{Template}/{Resume}";
}

/// <summary>
/// Every template × fixed resume rendered once per test run, in both formats, with every DOCX converted by a single
/// LibreOffice start (a conversion costs seconds), shared by the parity and the visual tests.
/// </summary>
public sealed class RenderedDocuments : IAsyncLifetime
{
    private readonly RendererFactory _renderer = new();
    private readonly Dictionary<(string Template, string Resume), RenderedDocument> _documents = [];

    public RenderedDocument Get(string template, string resume) => _documents[(template, resume)];

    /// <summary>The section headings a reader should see, in order: the resume's own titles, or the standard ones where the template asks.</summary>
    public IReadOnlyList<string> SectionHeadings(string template, string resume)
    {
        var standard = _renderer.Services.GetRequiredService<TemplateStore>().Find(template)!.Metadata.StandardHeadings;
        return ResumeView.From(FidelityResumes.Load(resume), null).Sections.Select(section => standard ? section.StandardTitle : section.Title).ToList();
    }

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var pdfs = new Dictionary<string, byte[]>();
        var docxs = new Dictionary<string, byte[]>();
        foreach (var resume in FidelityResumes.All)
        {
            var content = FidelityResumes.Load(resume);
            foreach (var template in FidelityResumes.Templates)
            {
                var name = $"{template}-{resume}";
                pdfs[name] = await RenderAsync(content, template, RenderFormats.Pdf, cancellationToken);
                docxs[name] = await RenderAsync(content, template, RenderFormats.Docx, cancellationToken);
            }
        }
        var converted = await LibreOffice.ConvertToPdfAsync(docxs, cancellationToken);
        var output = Directory.CreateDirectory(Path.Combine(ReferencePictures.OutputFolder, "documents")).FullName;
        foreach (var resume in FidelityResumes.All)
        {
            foreach (var template in FidelityResumes.Templates)
            {
                var name = $"{template}-{resume}";
                _documents[(template, resume)] = new RenderedDocument(template, resume, pdfs[name], docxs[name], converted[name]);
                // Kept for a person to open when a parity or picture test fails.
                await File.WriteAllBytesAsync(Path.Combine(output, name + ".pdf"), pdfs[name], cancellationToken);
                await File.WriteAllBytesAsync(Path.Combine(output, name + ".docx"), docxs[name], cancellationToken);
                await File.WriteAllBytesAsync(Path.Combine(output, name + ".docx.pdf"), converted[name], cancellationToken);
            }
        }
    }

    private async Task<byte[]> RenderAsync(ResumeDocument content, string template, string format, CancellationToken cancellationToken)
    {
        using var response = await _renderer.RenderAsync(new RenderRequest { Content = content, Template = template, Format = format }, cancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Rendering {template} as {format} failed ({(int)response.StatusCode}): {Encoding.UTF8.GetString(bytes)}");
        }
        return bytes;
    }

    public async ValueTask DisposeAsync() => await _renderer.DisposeAsync();
}

[CollectionDefinition(nameof(RenderedDocumentsCollection))]
public sealed class RenderedDocumentsCollection : ICollectionFixture<RenderedDocuments>;
