using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using JobWise.Renderer.Templates;

namespace JobWise.Renderer.Pdf;

/// <summary>The little PDF surgery the renderer needs on Chromium's (Skia's) output: count pages, set the document information.</summary>
public static partial class PdfFile
{
    /// <summary>Skia writes every page object as an uncompressed <c>&lt;&lt;/Type /Page</c> dictionary.</summary>
    public static int CountPages(byte[] pdf) => PageObject().Count(Encoding.Latin1.GetString(pdf));

    /// <summary>
    /// Appends an incremental update whose /Info dictionary holds title, author, subject and keywords (Chromium writes none
    /// of them from the HTML's title and meta tags). The original bytes are untouched, so tags, outline, fonts and the
    /// catalog's /Lang (Chromium's, from the html element's lang) stay as Chromium wrote them.
    /// </summary>
    public static byte[] WithDocumentInfo(byte[] pdf, DocumentProperties properties)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var startXref = LastStartXref().Match(text);
        var trailer = Trailer().Matches(text).LastOrDefault();
        if (!startXref.Success || trailer is null)
        {
            return pdf;
        }
        var size = int.Parse(trailer.Groups["size"].Value, CultureInfo.InvariantCulture);
        var root = trailer.Groups["root"].Value;
        var previous = startXref.Groups["offset"].Value;

        var output = new MemoryStream(pdf.Length + 512);
        output.Write(pdf);
        if (pdf[^1] != '\n')
        {
            output.WriteByte((byte)'\n');
        }
        var infoOffset = output.Position;
        Write(output, string.Create(CultureInfo.InvariantCulture,
            $"{size} 0 obj\n<</Title {TextString(properties.Title)} /Author {TextString(properties.Author)} /Subject {TextString(properties.Subject)} /Keywords {TextString(properties.Keywords)} /Creator (JobWise Renderer) /Producer (Chromium)>>\nendobj\n"));
        var xrefOffset = output.Position;
        Write(output, string.Create(CultureInfo.InvariantCulture,
            $"xref\n{size} 1\n{infoOffset:D10} 00000 n \ntrailer\n<</Size {size + 1} /Root {root} /Info {size} 0 R /Prev {previous}>>\nstartxref\n{xrefOffset}\n%%EOF\n"));
        return output.ToArray();
    }

    /// <summary>A PDF text string in UTF-16BE with a byte order mark, as hex, so any character survives.</summary>
    private static string TextString(string value) =>
        "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(value)) + ">";

    private static void Write(Stream stream, string text) => stream.Write(Encoding.ASCII.GetBytes(text));

    [GeneratedRegex(@"/Type\s*/Page(?![A-Za-z])")]
    private static partial Regex PageObject();

    [GeneratedRegex(@"startxref\s+(?<offset>\d+)\s+%%EOF\s*$", RegexOptions.RightToLeft)]
    private static partial Regex LastStartXref();

    [GeneratedRegex(@"trailer\s*<<(?=[^>]*?/Size\s+(?<size>\d+))(?=[^>]*?/Root\s+(?<root>\d+\s+\d+\s+R))")]
    private static partial Regex Trailer();
}
