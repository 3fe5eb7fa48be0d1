using BigGustave;

namespace JobWise.Renderer.Preview;

/// <summary>Page images side by side on a light grey ground, in page order: a thumbnail strip of a whole document.</summary>
public static class PageStrip
{
    private const int Gap = 8;
    private const byte Ground = 0xE5;

    public static byte[] Join(IReadOnlyList<byte[]> pagePngs)
    {
        var pages = pagePngs.Select(png => Png.Open(png)).ToList();
        var width = pages.Sum(page => page.Width) + Gap * (pages.Count + 1);
        var height = pages.Max(page => page.Height) + 2 * Gap;
        var strip = PngBuilder.Create(width, height, hasAlphaChannel: false);
        // Each pixel is set once: BigGustave's builder miscounts colours when a pixel is overwritten.
        var left = Gap;
        var lefts = pages.Select(page => { var at = left; left += page.Width + Gap; return at; }).ToList();
        for (var x = 0; x < width; x++)
        {
            var index = lefts.FindLastIndex(at => at <= x);
            var page = index < 0 ? null : pages[index];
            for (var y = 0; y < height; y++)
            {
                int px = x - (index < 0 ? 0 : lefts[index]), py = y - Gap;
                if (page is not null && px < page.Width && py >= 0 && py < page.Height)
                {
                    var pixel = page.GetPixel(px, py);
                    strip.SetPixel(pixel.R, pixel.G, pixel.B, x, y);
                }
                else
                {
                    strip.SetPixel(Ground, Ground, Ground, x, y);
                }
            }
        }
        using var output = new MemoryStream();
        strip.Save(output);
        return output.ToArray();
    }
}
