using JobWise.Contracts;

namespace JobWise.ApiService.Exports;

public static class MediaTypes
{
    public const string Zip = "application/zip";

    public static string ForFormat(string format) => format switch
    {
        RenderFormats.Pdf => RenderFormats.PdfMediaType,
        RenderFormats.Docx => RenderFormats.DocxMediaType,
        ExportService.ZipFormat => Zip,
        _ => "application/octet-stream",
    };
}
