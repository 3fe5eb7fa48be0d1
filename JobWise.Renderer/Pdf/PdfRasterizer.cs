using System.Diagnostics;
using System.Globalization;

namespace JobWise.Renderer.Pdf;

/// <summary>
/// Pages of a PDF as PNG images, drawn by poppler's <c>pdftoppm</c> (Debian's poppler-utils): the printed page itself,
/// with the PDF's own fonts, rather than a screenshot of a screen layout.
/// </summary>
public static class PdfRasterizer
{
    public const string Executable = "pdftoppm";

    /// <summary>PNG images of pages <paramref name="firstPage"/> to <paramref name="lastPage"/> (1-based, inclusive; null = to the end).</summary>
    public static Task<IReadOnlyList<byte[]>> RasterizeAsync(
        byte[] pdf, int dpi, int firstPage = 1, int? lastPage = null, CancellationToken cancellationToken = default) =>
        RasterizeAsync(pdf, ["-r", dpi.ToString(CultureInfo.InvariantCulture)], firstPage, lastPage, cancellationToken);

    /// <summary>One page scaled to exactly <paramref name="width"/> × <paramref name="height"/> pixels (pdftoppm rounds a resolution's size up).</summary>
    public static async Task<byte[]> RasterizePageAsync(byte[] pdf, int page, int width, int height, CancellationToken cancellationToken = default) =>
        (await RasterizeAsync(pdf, ["-scale-to-x", width.ToString(CultureInfo.InvariantCulture), "-scale-to-y", height.ToString(CultureInfo.InvariantCulture)], page, page, cancellationToken)).Single();

    private static async Task<IReadOnlyList<byte[]>> RasterizeAsync(
        byte[] pdf, string[] size, int firstPage, int? lastPage, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("jobwise-raster-");
        try
        {
            var input = Path.Combine(folder.FullName, "document.pdf");
            await File.WriteAllBytesAsync(input, pdf, cancellationToken);
            var arguments = new List<string> { "-png", "-f", firstPage.ToString(CultureInfo.InvariantCulture) };
            arguments.AddRange(size);
            if (lastPage is { } last)
            {
                arguments.AddRange(["-l", last.ToString(CultureInfo.InvariantCulture)]);
            }
            arguments.AddRange([input, Path.Combine(folder.FullName, "page")]);
            await RunAsync(arguments, cancellationToken);

            // pdftoppm pads page numbers to the width of the last one (page-1.png or page-01.png): order by the number.
            return await Task.WhenAll(folder.GetFiles("page-*.png")
                .OrderBy(file => int.Parse(Path.GetFileNameWithoutExtension(file.Name)["page-".Length..], CultureInfo.InvariantCulture))
                .Select(file => File.ReadAllBytesAsync(file.FullName, cancellationToken)));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Executable) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Executable} did not start.");
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Executable} failed with exit code {process.ExitCode}: {await errors}");
        }
    }
}
