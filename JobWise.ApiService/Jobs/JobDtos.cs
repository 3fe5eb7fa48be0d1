using JobWise.ApiService.Model;

namespace JobWise.ApiService.Jobs;

public sealed record JobRequest(string? Title, string? Company, string? Location, string? Description, string? Url, JobStatus? Status);

public sealed record JobResponse(
    Guid Id, string Title, string Company, string? Location, string? Description, string? Url, JobStatus Status,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static JobResponse From(Job job) => new(
        job.Id, job.Title, job.Company, job.Location, job.Description, job.Url, job.Status, job.CreatedAt, job.UpdatedAt);
}

public sealed record JobListResponse(IReadOnlyList<JobResponse> Jobs, int Total, int Limit, int Offset);
