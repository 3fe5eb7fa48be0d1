using BigGustave;

namespace JobWise.Tests.Visual;

/// <summary>How far a rendered page has moved from its reference picture.</summary>
public sealed record PageImageDifference(int ChangedPixels, int TotalPixels, bool SizeDiffers, byte[]? DiffPng)
{
    public double ChangedRatio => TotalPixels == 0 ? 0 : (double)ChangedPixels / TotalPixels;
}

/// <summary>
/// Compares two PNG pages pixel by pixel. A pixel counts as changed when a colour channel moves by more than
/// <see cref="ChannelTolerance"/>, so anti-aliasing noise is not a change while a moved line of text is.
/// </summary>
public static class PageImageComparison
{
    public const int ChannelTolerance = 48;

    public static PageImageDifference Compare(byte[] expectedPng, byte[] actualPng)
    {
        var expected = Png.Open(expectedPng);
        var actual = Png.Open(actualPng);
        if (expected.Width != actual.Width || expected.Height != actual.Height)
        {
            return new PageImageDifference(actual.Width * actual.Height, actual.Width * actual.Height, SizeDiffers: true, DiffPng: null);
        }

        var diff = PngBuilder.Create(actual.Width, actual.Height, false);
        var changed = 0;
        for (var y = 0; y < actual.Height; y++)
        {
            for (var x = 0; x < actual.Width; x++)
            {
                var before = expected.GetPixel(x, y);
                var after = actual.GetPixel(x, y);
                var distance = Math.Max(Math.Abs(before.R - after.R), Math.Max(Math.Abs(before.G - after.G), Math.Abs(before.B - after.B)));
                if (distance > ChannelTolerance)
                {
                    changed++;
                    diff.SetPixel(new Pixel(230, 0, 0), x, y);
                }
                else
                {
                    // The unchanged page, faded, so the red changes stand out where they are.
                    var grey = (byte)(192 + (after.R + after.G + after.B) / 3 / 4);
                    diff.SetPixel(new Pixel(grey, grey, grey), x, y);
                }
            }
        }
        using var stream = new MemoryStream();
        diff.Save(stream);
        return new PageImageDifference(changed, actual.Width * actual.Height, SizeDiffers: false, changed > 0 ? stream.ToArray() : null);
    }
}
