namespace JobWise.ApiService.Model;

/// <summary>A job posting the user saved.</summary>
public sealed class Job
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public required string Title { get; set; }
    public required string Company { get; set; }
    public string? Location { get; set; }
    public string? Description { get; set; }
    public string? Url { get; set; }
    public JobStatus Status { get; set; } = JobStatus.Saved;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public enum JobStatus
{
    Saved,
    Applied,
    Interviewing,
    Offer,
    Rejected,
    Withdrawn,
}
