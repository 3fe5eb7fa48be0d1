using System.Globalization;
using JobWise.Renderer.Templates;
using PuppeteerSharp;
using PuppeteerSharp.Media;

namespace JobWise.Renderer.Pdf;

/// <summary>How Chromium prints a resume: paper, margins, tags and outline. The benchmark's floor prints with the same.</summary>
public static class PrintSettings
{
    public static PdfOptions For(ResolvedOptions options, int maxPages) => new()
    {
        Format = options.PageSize == PageSizes.Letter ? PaperFormat.Letter : PaperFormat.A4,
        MarginOptions = Margins(options.MarginsMm),
        PrintBackground = true,
        Tagged = true,
        Outline = true,
        // Fonts are local files, and waiting for them would need JavaScript, which is off.
        WaitForFonts = false,
        // One page past the limit, so that a document over it is seen and refused without printing all of it.
        PageRanges = $"1-{maxPages + 1}",
    };

    private static MarginOptions Margins(double millimetres)
    {
        var value = string.Create(CultureInfo.InvariantCulture, $"{millimetres}mm");
        return new MarginOptions { Top = value, Bottom = value, Left = value, Right = value };
    }
}
