using JobWise.Web.ApiClient;
namespace JobWise.Web.Components.Shared;

/// <summary>A job posting as the job forms post it.</summary>
public sealed class JobForm
{
    public string? Title { get; set; }
    public string? Company { get; set; }
    public string? Location { get; set; }
    public string? Url { get; set; }
    public string? Status { get; set; } = "saved";
    public string? Description { get; set; }

    public JobRequest ToRequest() => new(Title, Company, Blank(Location), Blank(Description), Blank(Url), Status);

    public static JobForm From(JobResponse job) => new()
    {
        Title = job.Title, Company = job.Company, Location = job.Location, Url = job.Url, Status = job.Status, Description = job.Description,
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
