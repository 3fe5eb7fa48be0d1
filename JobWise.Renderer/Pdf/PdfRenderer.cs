using System.Diagnostics;
using System.Globalization;
using System.Text;
using JobWise.Renderer.Browser;
using JobWise.Renderer.Diagnostics;
using JobWise.Renderer.Preview;
using JobWise.Renderer.Templates;
using Microsoft.Extensions.Options;
using PuppeteerSharp;
using PuppeteerSharp.Media;

namespace JobWise.Renderer.Pdf;

public sealed record PdfResult(byte[] Bytes, int PageCount);

/// <summary>
/// Resume → HTML (Liquid) → PDF on a pooled Chromium page. Documents that cannot fit <see cref="PdfLimitsOptions.MaxPages"/> are refused:
/// clearly oversized ones from a size estimate before any printing, the rest by printing at most MaxPages + 1 pages and counting.
/// </summary>
public sealed class PdfRenderer(HtmlComposer composer, PagePool pool, IOptions<PdfLimitsOptions> limits, RendererMetrics metrics)
{
    // Upper bounds of what fits on one page at the smallest allowed font size; the estimate below is a lower bound on pages.
    private const int MaxLinesPerPage = 120;

    // A screen's resolution: the page at the size a browser shows it at 100 %.
    private const int PreviewDpi = 96;

    // About 200 × 280 pixels for an A4 page: enough to see each page's shape and where it breaks.
    private const int ThumbnailDpi = 24;
    private const int MaxCharactersPerPage = 12_000;

    public async Task<PdfResult> RenderAsync(LoadedTemplate template, ResumeView resume, ResolvedOptions options, CancellationToken cancellationToken)
    {
        var html = await ComposeCheckedAsync(template, resume, options);
        var maxPages = limits.Value.MaxPages;
        var (lines, characters) = resume.Size();
        var fewestPages = Math.Max(lines / MaxLinesPerPage, characters / MaxCharactersPerPage);
        if (fewestPages > maxPages)
        {
            metrics.Rejected("page_limit");
            throw new RenderRejectedException(RejectionReason.OverPageLimit, $"The document needs at least {fewestPages} pages; the limit is {maxPages}.");
        }

        var pdfOptions = PrintSettings.For(options, maxPages);
        var pdf = await pool.RunAsync(async (page, token) =>
        {
            using var span = RendererTelemetry.Start(RendererTelemetry.ChromiumPrint);
            try
            {
                await PagePool.SetDocumentAsync(page, html, token);
                return await page.PdfDataAsync(pdfOptions).WaitAsync(token);
            }
            catch (Exception exception)
            {
                span.Fail(exception);
                throw;
            }
        }, cancellationToken);

        var pages = PdfFile.CountPages(pdf);
        if (pages > maxPages)
        {
            metrics.Rejected("page_limit");
            throw new RenderRejectedException(RejectionReason.OverPageLimit, $"The document is longer than {maxPages} pages.");
        }
        metrics.RecordPages(pages);
        return new PdfResult(PdfFile.WithDocumentInfo(pdf, resume.Properties), pages);
    }

    /// <summary>
    /// A PNG of page 1 of the printed PDF itself (poppler's pdftoppm), so a preview shows the page breaks, margins
    /// and print styles the export will have, not a screen layout of the same HTML.
    /// </summary>
    public async Task<byte[]> RenderFirstPagePngAsync(LoadedTemplate template, ResumeView resume, ResolvedOptions options, CancellationToken cancellationToken)
    {
        var pdf = await RenderAsync(template, resume, options, cancellationToken);
        var (widthMm, heightMm) = PageSizes.Dimensions(options.PageSize);
        using var span = RendererTelemetry.Start(RendererTelemetry.PageRaster);
        return await PdfRasterizer.RasterizePageAsync(pdf.Bytes, 1,
            (int)Math.Round(widthMm / 25.4 * PreviewDpi), (int)Math.Round(heightMm / 25.4 * PreviewDpi), cancellationToken);
    }

    /// <summary>A thumbnail of every page of the printed PDF, side by side in one PNG.</summary>
    public async Task<byte[]> RenderPageStripPngAsync(LoadedTemplate template, ResumeView resume, ResolvedOptions options, CancellationToken cancellationToken)
    {
        var pdf = await RenderAsync(template, resume, options, cancellationToken);
        using var span = RendererTelemetry.Start(RendererTelemetry.PageRaster);
        return PageStrip.Join(await PdfRasterizer.RasterizeAsync(pdf.Bytes, ThumbnailDpi, cancellationToken: cancellationToken));
    }

    private async Task<string> ComposeCheckedAsync(LoadedTemplate template, ResumeView resume, ResolvedOptions options)
    {
        var html = await composer.ComposeAsync(template, resume, options);
        var bytes = Encoding.UTF8.GetByteCount(html);
        if (bytes > limits.Value.MaxHtmlBytes)
        {
            metrics.Rejected("too_large");
            throw new RenderRejectedException(RejectionReason.TooLarge, $"The document lays out to {bytes} bytes of HTML; the limit is {limits.Value.MaxHtmlBytes}.");
        }
        return html;
    }
}
