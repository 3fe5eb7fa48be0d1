using System.Text.Json.Nodes;
using JobWise.Contracts;

namespace JobWise.Web.ApiClient;

// The public API's bodies, as the web front end reads them (snake_case on the wire).

public sealed record UserResponse(Guid Id, string Email, string FullName);

public sealed record TokenResponse(string AccessToken, string RefreshToken, string TokenType, int ExpiresIn, UserResponse User);

public sealed record ProfileResponse(JsonObject Content, DateTimeOffset? UpdatedAt);

public sealed record JobRequest(string? Title, string? Company, string? Location, string? Description, string? Url, string? Status);

public sealed record JobResponse(
    Guid Id, string Title, string Company, string? Location, string? Description, string? Url, string Status,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record JobListResponse(IReadOnlyList<JobResponse> Jobs, int Total, int Limit, int Offset);

public sealed record TailoringChange(string Kind, string Text, string Within, int? From, int? To);

public sealed record TailoringChanges(IReadOnlyList<TailoringChange> Moved, IReadOnlyList<TailoringChange> LeftOut);

public sealed record JobMatch(
    IReadOnlyList<string> MatchedKeywords, IReadOnlyList<string> MissingKeywords, int CoverageScore,
    TailoringChanges Changes, string Engine, string? FallbackReason);

public sealed record GenerationResponse(Guid Id, Guid? JobId, string Source, JsonObject ContentStructured, JobMatch? Match, DateTimeOffset CreatedAt);

/// <summary>The API lists generations as summaries, without their documents: fetch one by id to show it.</summary>
public sealed record GenerationSummary(Guid Id, Guid? JobId, string Source, DateTimeOffset CreatedAt);

public sealed record GenerationListResponse(IReadOnlyList<GenerationSummary> Generations, int Total, int Limit, int Offset);

public sealed record TemplateResponse(
    string Id, string Name, string Description, IReadOnlyList<string> BestFor, IReadOnlyList<string> AllowedFonts,
    RenderOptions DefaultOptions, IReadOnlyList<string> SupportedOptions, int? AtsScore);

public sealed record TemplateListResponse(IReadOnlyList<TemplateResponse> Templates);

public sealed record ExportRequest(Guid GenerationId, string Template, RenderOptions? Options);

public sealed record BatchExportRequest(Guid GenerationId, IReadOnlyList<string> Templates, IReadOnlyList<string> Formats, RenderOptions? Options);

public sealed record ExportResponse(
    Guid Id, Guid? GenerationId, Guid? JobId, string Format, string Template, string Filename, long FileSizeBytes,
    int? PageCount, Uri DownloadUrl, DateTimeOffset ExpiresAt, DateTimeOffset CreatedAt, int? AtsScore);

public sealed record ExportListResponse(IReadOnlyList<ExportResponse> Exports, int Total, int Limit, int Offset);

public sealed record JobExportsResponse(
    Guid JobId, string JobTitle, string Company, IReadOnlyDictionary<string, IReadOnlyList<ExportResponse>> ExportsByDate,
    int TotalExports, long TotalSizeBytes);

public sealed record AtsFinding(string Check, string Severity, string Message, string Advice);

public sealed record AtsReport(int Score, IReadOnlyList<AtsFinding> Findings, int? KeywordCoverage, int ExtractedCharacters);

public static class JobStatuses
{
    public static readonly IReadOnlyList<string> All = ["saved", "applied", "interviewing", "offer", "rejected", "withdrawn"];
}
