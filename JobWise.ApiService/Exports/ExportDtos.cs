using System.Text.Json.Nodes;
using JobWise.ApiService.Model;

namespace JobWise.ApiService.Exports;

public sealed record ExportRequest(Guid? GenerationId, string? Template, JsonObject? Options);

public sealed record BatchExportRequest(Guid? GenerationId, List<string>? Templates, List<string>? Formats, JsonObject? Options);

public sealed record ExportResponse(
    Guid Id, Guid? GenerationId, Guid? JobId, string Format, string Template, string Filename, long FileSizeBytes,
    int? PageCount, Uri DownloadUrl, DateTimeOffset DownloadUrlExpiresAt, DateTimeOffset ExpiresAt, DateTimeOffset CreatedAt, int? AtsScore)
{
    public static ExportResponse From(Export export, DownloadLink link) => new(
        export.Id, export.GenerationId, export.JobId, export.Format, export.Template, export.FileName, export.FileSizeBytes,
        export.PageCount, link.Url, link.ExpiresAt, export.ExpiresAt, export.CreatedAt, export.AtsReport?.Score);
}

public sealed record ExportListResponse(IReadOnlyList<ExportResponse> Exports, int Total, int Limit, int Offset);

/// <summary>One page of a job's exports by day; <c>total_exports</c> and <c>total_size_bytes</c> count all of them.</summary>
public sealed record JobExportsResponse(
    Guid JobId, string JobTitle, string Company, IReadOnlyDictionary<string, IReadOnlyList<ExportResponse>> ExportsByDate,
    int TotalExports, long TotalSizeBytes, int Limit, int Offset);

public sealed record TemplateResponse(
    string Id, string Name, string Description, IReadOnlyList<string> BestFor, IReadOnlyList<string> AllowedFonts,
    JobWise.Contracts.RenderOptions DefaultOptions, IReadOnlyList<string> SupportedOptions, int? AtsScore, string PreviewUrl);

public sealed record TemplateListResponse(IReadOnlyList<TemplateResponse> Templates);
