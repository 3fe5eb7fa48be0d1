using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using JobWise.Contracts;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace JobWise.ApiService.Ats;

/// <summary>The text a parser gets out of an exported file: a PDF's text in content order, a DOCX's paragraphs.</summary>
public static class ExportTextReader
{
    public static string Read(byte[] file, string format) => format switch
    {
        RenderFormats.Pdf => ReadPdf(file),
        RenderFormats.Docx => ReadDocx(file),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Only PDF and DOCX exports are read."),
    };

    private static string ReadPdf(byte[] file)
    {
        using var document = PdfDocument.Open(file);
        var text = new StringBuilder();
        foreach (var page in document.GetPages())
        {
            text.AppendLine(ContentOrderTextExtractor.GetText(page));
        }
        return text.ToString();
    }

    private static string ReadDocx(byte[] file)
    {
        using var stream = new MemoryStream(file);
        using var document = WordprocessingDocument.Open(stream, isEditable: false);
        var body = document.MainDocumentPart?.Document?.Body;
        if (body is null)
        {
            return "";
        }
        var text = new StringBuilder();
        foreach (var paragraph in body.Descendants<Paragraph>())
        {
            text.AppendLine(string.Concat(paragraph.Descendants<Text>().Select(t => t.Text)));
        }
        return text.ToString();
    }
}
