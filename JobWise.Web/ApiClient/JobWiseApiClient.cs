using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using JobWise.Contracts;

namespace JobWise.Web.ApiClient;

/// <summary>The public REST API on behalf of the signed-in user (the access token is added by <c>AccessTokenHandler</c>).</summary>
public sealed class JobWiseApiClient(HttpClient http)
{
    public const string ServiceUri = "https+http://api";

    public Task<ProfileResponse> GetProfileAsync(CancellationToken cancellationToken) =>
        ApiResponses.ReadAsync<ProfileResponse>(http, new(HttpMethod.Get, "/api/v1/profile"), cancellationToken);

    public Task<ProfileResponse> SaveProfileAsync(JsonObject content, CancellationToken cancellationToken) =>
        ApiResponses.ReadAsync<ProfileResponse>(http, ApiResponses.Json(HttpMethod.Put, "/api/v1/profile", new { content }), cancellationToken);

    public Task<ProfileResponse> ImportJsonResumeAsync(Stream jsonResume, CancellationToken cancellationToken)
    {
        var content = new StreamContent(jsonResume);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return ApiResponses.ReadAsync<ProfileResponse>(http,
            new(HttpMethod.Post, "/api/v1/profile/import/json-resume") { Content = content }, cancellationToken);
    }

    public async Task<byte[]> ExportJsonResumeAsync(CancellationToken cancellationToken)
    {
        using var response = await ApiResponses.SendAsync(http, new(HttpMethod.Get, "/api/v1/profile/export/json-resume"), cancellationToken);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    public Task<JobListResponse> ListJobsAsync(string? status, CancellationToken cancellationToken) =>
        ApiResponses.ReadAsync<JobListResponse>(http,
            new(HttpMethod.Get, status is null ? "/api/v1/jobs?limit=100" : $"/api/v1/jobs?limit=100&status={Uri.EscapeDataString(status)}"),
            cancellationToken);

    public Task<JobResponse> GetJobAsync(Guid id, CancellationToken cancellationToken) =>
        ApiResponses.ReadAsync<JobResponse>(http, new(HttpMethod.Get, $"/api/v1/jobs/{id}"), cancellationToken);

    public Task<JobResponse> CreateJobAsync(JobRequest job, CancellationToken cancellationToken) =>
        ApiResponses.ReadAsync<JobResponse>(http, ApiResponses.Json(HttpMethod.Post, "/api/v1/jobs", job), cancellationToken);

    public Task<JobResponse> UpdateJobAsync(Guid id, JobRequest job, CancellationToken cancellationToken) =>
        ApiResponses.ReadAsync<JobResponse>(http, ApiResponses.Json(HttpMethod.Put, $"/api/v1/jobs/{id}", job), cancellationToken);

    public async Task DeleteJobAsync(Guid id, CancellationToken cancellationToken)
    {
        using var _ = await ApiResponses.SendAsync(http, new(HttpMethod.Delete, $"/api/v1/jobs/{id}"), cancellationToken);
    }

    public Task<GenerationResponse> TailorAsync(Guid jobId, int? maxBulletsPerEntry, CancellationToken cancellationToken) =>
        ApiResponses.ReadAsync<GenerationResponse>(http, ApiResponses.Json(HttpMethod.Post, "/api/v1/generations",
            new { job_id = jobId, tailoring = new { max_bullets_per_entry = maxBulletsPerEntry } }), cancellationToken);

    public Task<GenerationListResponse> ListGenerationsAsync(Guid? jobId, CancellationToken cancellationToken) =>
        ApiResponses.ReadAsync<GenerationListResponse>(http,
            new(HttpMethod.Get, jobId is null ? "/api/v1/generations?limit=20" : $"/api/v1/generations?limit=20&job_id={jobId}"), cancellationToken);

    public Task<GenerationResponse> GetGenerationAsync(Guid id, CancellationToken cancellationToken) =>
        ApiResponses.ReadAsync<GenerationResponse>(http, new(HttpMethod.Get, $"/api/v1/generations/{id}"), cancellationToken);

    public Task<TemplateListResponse> ListTemplatesAsync(CancellationToken cancellationToken) =>
        ApiResponses.ReadAsync<TemplateListResponse>(http, new(HttpMethod.Get, "/api/v1/exports/templates"), cancellationToken);

    public async Task<byte[]> GetTemplatePreviewAsync(string templateId, CancellationToken cancellationToken)
    {
        using var response = await ApiResponses.SendAsync(http,
            new(HttpMethod.Get, $"/api/v1/exports/templates/{Uri.EscapeDataString(templateId)}/preview"), cancellationToken);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    public async Task<byte[]> PreviewExportAsync(Guid generationId, string template, RenderOptions? options, CancellationToken cancellationToken)
    {
        using var response = await ApiResponses.SendAsync(http, ApiResponses.Json(HttpMethod.Post, "/api/v1/exports/preview",
            new { generation_id = generationId, template, options }), cancellationToken);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    public Task<ExportResponse> ExportAsync(string format, ExportRequest request, CancellationToken cancellationToken) =>
        ApiResponses.ReadAsync<ExportResponse>(http, ApiResponses.Json(HttpMethod.Post, $"/api/v1/exports/{format}", request), cancellationToken);

    public Task<ExportResponse> ExportBatchAsync(BatchExportRequest request, CancellationToken cancellationToken) =>
        ApiResponses.ReadAsync<ExportResponse>(http, ApiResponses.Json(HttpMethod.Post, "/api/v1/exports/batch", request), cancellationToken);

    public Task<ExportListResponse> ListExportsAsync(CancellationToken cancellationToken) =>
        ApiResponses.ReadAsync<ExportListResponse>(http, new(HttpMethod.Get, "/api/v1/exports/files?limit=100"), cancellationToken);

    public Task<JobExportsResponse> ListJobExportsAsync(Guid jobId, CancellationToken cancellationToken) =>
        ApiResponses.ReadAsync<JobExportsResponse>(http, new(HttpMethod.Get, $"/api/v1/exports/files/job/{jobId}"), cancellationToken);

    public Task<ExportResponse> GetExportAsync(Guid id, CancellationToken cancellationToken) =>
        ApiResponses.ReadAsync<ExportResponse>(http, new(HttpMethod.Get, $"/api/v1/exports/{id}"), cancellationToken);

    public Task<AtsReport> GetAtsReportAsync(Guid exportId, CancellationToken cancellationToken) =>
        ApiResponses.ReadAsync<AtsReport>(http, new(HttpMethod.Get, $"/api/v1/exports/{exportId}/ats"), cancellationToken);

    public async Task DeleteExportAsync(Guid id, CancellationToken cancellationToken)
    {
        using var _ = await ApiResponses.SendAsync(http, new(HttpMethod.Delete, $"/api/v1/exports/{id}"), cancellationToken);
    }
}
