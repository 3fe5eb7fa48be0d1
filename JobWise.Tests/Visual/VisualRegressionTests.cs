using JobWise.Renderer.Pdf;
using JobWise.Tests.Fidelity;

namespace JobWise.Tests.Visual;

/// <summary>
/// Every template × fixed resume × format (the DOCX as LibreOffice prints it) drawn at a fixed resolution and held
/// against committed pictures; a layout change fails here with a diff picture, until the references are refreshed on purpose.
/// </summary>
[Collection(nameof(RenderedDocumentsCollection))]
public sealed class VisualRegressionTests(RenderedDocuments documents)
{
    private const int Dpi = 50;
    private const int ReadmeDpi = 60;

    /// <summary>Up to this share of a page's pixels may change (anti-aliasing, a shifted glyph) before the layout counts as changed.</summary>
    private const double MaxChangedRatio = 0.002;

    [Theory]
    [MemberData(nameof(FidelityResumes.PicturedCases), MemberType = typeof(FidelityResumes))]
    public async Task Every_page_looks_like_its_reference_picture(string template, string resume, string format)
    {
        var document = documents.Get(template, resume);
        var pages = await PdfRasterizer.RasterizeAsync(format == "pdf" ? document.Pdf : document.DocxAsPdf, Dpi, cancellationToken: TestContext.Current.CancellationToken);
        var prefix = $"{template}-{resume}-{format}";
        if (ReferencePictures.Updating)
        {
            ReferencePictures.Replace(prefix, pages);
            return;
        }

        var references = ReferencePictures.Existing(prefix);
        Assert.True(references.Length > 0, $"No reference pictures for {prefix}; make them with `{ReferencePictures.RefreshCommand}`.");
        var failures = new List<string>();
        if (references.Length != pages.Count)
        {
            failures.Add($"{pages.Count} pages where the reference has {references.Length}");
        }
        for (var page = 1; page <= pages.Count; page++)
        {
            var referencePath = ReferencePictures.PagePath(ReferencePictures.Folder, prefix, page);
            var difference = File.Exists(referencePath)
                ? PageImageComparison.Compare(await File.ReadAllBytesAsync(referencePath, TestContext.Current.CancellationToken), pages[page - 1])
                : null;
            if (difference is { SizeDiffers: false, ChangedRatio: <= MaxChangedRatio })
            {
                continue;
            }
            Directory.CreateDirectory(ReferencePictures.OutputFolder);
            var actualPath = ReferencePictures.PagePath(ReferencePictures.OutputFolder, prefix, page, ".actual");
            await File.WriteAllBytesAsync(actualPath, pages[page - 1], TestContext.Current.CancellationToken);
            var described = difference switch
            {
                null => "has no reference",
                { SizeDiffers: true } => "changed size",
                _ => $"changed {difference.ChangedRatio:P2} of its pixels (allowed {MaxChangedRatio:P2})",
            };
            if (difference?.DiffPng is { } diffPng)
            {
                var diffPath = ReferencePictures.PagePath(ReferencePictures.OutputFolder, prefix, page, ".diff");
                await File.WriteAllBytesAsync(diffPath, diffPng, TestContext.Current.CancellationToken);
                described += $"; diff: {diffPath}";
            }
            failures.Add($"page {page} {described}; new picture: {actualPath}");
        }
        Assert.True(failures.Count == 0,
            $"{prefix} no longer looks like its reference:\n  {string.Join("\n  ", failures)}\n" +
            $"If the change is intended, refresh the references with `{ReferencePictures.RefreshCommand}`.");
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task Readme_picture_is_page_1_of_the_templates_pdf(string template)
    {
        var page = (await PdfRasterizer.RasterizeAsync(documents.Get(template, FidelityResumes.Long).Pdf, ReadmeDpi, 1, 1, TestContext.Current.CancellationToken)).Single();
        var path = Path.Combine(ReferencePictures.DocsFolder, template + ".png");
        if (ReferencePictures.Updating)
        {
            Directory.CreateDirectory(ReferencePictures.DocsFolder);
            await File.WriteAllBytesAsync(path, page, TestContext.Current.CancellationToken);
            return;
        }
        Assert.True(File.Exists(path), $"The README's picture {path} is missing; make it with `{ReferencePictures.RefreshCommand}`.");
        var difference = PageImageComparison.Compare(await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken), page);
        Assert.True(difference is { SizeDiffers: false, ChangedRatio: <= MaxChangedRatio },
            $"The README's picture of {template} is out of date ({difference.ChangedRatio:P2} changed); refresh it with `{ReferencePictures.RefreshCommand}`.");
    }

    public static TheoryData<string> Templates() => new(FidelityResumes.Templates);
}
