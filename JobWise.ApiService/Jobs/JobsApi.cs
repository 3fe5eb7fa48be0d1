using JobWise.ApiService.Auth;
using JobWise.ApiService.Http;
using JobWise.ApiService.Infrastructure;
using JobWise.ApiService.Model;
using JobWise.ApiService.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace JobWise.ApiService.Jobs;

public static class JobsApi
{
    /// <summary>
    /// The longest description at its longest JSON spelling (six bytes a character when escaped as \uXXXX, as
    /// System.Text.Json does with non-ASCII text by default), plus 64 KB for the other fields.
    /// </summary>
    public const long MaxBodyBytes = 64 * 1024 + 6L * JobLimits.Description;

    public static RouteGroupBuilder MapJobsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/jobs").WithTags("Jobs").WithMaxBodyBytes(MaxBodyBytes);
        group.MapPost("/", CreateJob).WithName("CreateJob").WithSummary("Save a job posting");
        group.MapGet("/", ListJobs).WithName("ListJobs").WithSummary("The saved jobs, newest first, optionally by status");
        group.MapGet("/{id:guid}", GetJob).WithName("GetJob").WithSummary("One saved job");
        group.MapPut("/{id:guid}", UpdateJob).WithName("UpdateJob").WithSummary("Replace a saved job");
        group.MapDelete("/{id:guid}", DeleteJob).WithName("DeleteJob").WithSummary("Delete a saved job (its generations stay)");
        return group;
    }

    public static async Task<Results<Created<JobResponse>, ValidationProblem>> CreateJob(
        JobRequest request, HttpContext context, JobWiseDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = Validate(request);
        if (errors.Any)
        {
            return Problems.Validation(errors);
        }
        var now = clock.GetUtcNow();
        var job = new Job
        {
            Id = Guid.NewGuid(),
            UserId = context.User.GetUserId(),
            Title = request.Title!.Trim(),
            Company = request.Company!.Trim(),
            CreatedAt = now,
        };
        Apply(job, request, now);
        db.Jobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/jobs/{job.Id}", JobResponse.From(job));
    }

    public static async Task<Results<Ok<JobListResponse>, ValidationProblem>> ListJobs(
        HttpContext context, JobWiseDbContext db, int? limit, int? offset, string? status, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var paging = Paging.Validate(errors, limit, offset);
        JobStatus? statusFilter = null;
        if (status is not null)
        {
            statusFilter = Enum.TryParse<JobStatus>(status, ignoreCase: true, out var parsed) && !int.TryParse(status, out _)
                ? parsed
                : null;
            if (statusFilter is null)
            {
                errors.Add("status", $"must be one of {string.Join(", ", Enum.GetNames<JobStatus>().Select(n => n.ToLowerInvariant()))}");
            }
        }
        if (errors.Any)
        {
            return Problems.Validation(errors);
        }
        var query = db.Jobs.AsNoTracking().Where(job => job.UserId == context.User.GetUserId());
        if (statusFilter is { } wanted)
        {
            query = query.Where(job => job.Status == wanted);
        }
        var (jobs, total) = await paging.ApplyAsync(query, q => q.OrderByDescending(job => job.CreatedAt).ThenByDescending(job => job.Id), cancellationToken);
        return TypedResults.Ok(new JobListResponse(jobs.Select(JobResponse.From).ToList(), total, paging.Limit, paging.Offset));
    }

    public static async Task<Results<Ok<JobResponse>, ProblemHttpResult>> GetJob(
        Guid id, HttpContext context, JobWiseDbContext db, CancellationToken cancellationToken)
    {
        var job = await db.Jobs.AsNoTracking().FindOwnedAsync(id, context.User.GetUserId(), cancellationToken);
        return job is null ? Problems.NotFound("The job") : TypedResults.Ok(JobResponse.From(job));
    }

    public static async Task<Results<Ok<JobResponse>, ValidationProblem, ProblemHttpResult>> UpdateJob(
        Guid id, JobRequest request, HttpContext context, JobWiseDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = Validate(request);
        if (errors.Any)
        {
            return Problems.Validation(errors);
        }
        var job = await db.Jobs.FindOwnedAsync(id, context.User.GetUserId(), cancellationToken);
        if (job is null)
        {
            return Problems.NotFound("The job");
        }
        job.Title = request.Title!.Trim();
        job.Company = request.Company!.Trim();
        Apply(job, request, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(JobResponse.From(job));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteJob(
        Guid id, HttpContext context, JobWiseDbContext db, CancellationToken cancellationToken)
    {
        var userId = context.User.GetUserId();
        var deleted = await db.Jobs.Where(job => job.Id == id && job.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? Problems.NotFound("The job") : TypedResults.NoContent();
    }


    private static void Apply(Job job, JobRequest request, DateTimeOffset now)
    {
        job.Location = Blank(request.Location);
        job.Description = Blank(request.Description);
        job.Url = Blank(request.Url);
        job.Status = request.Status ?? job.Status;
        job.UpdatedAt = now;
    }

    private static ValidationErrors Validate(JobRequest request)
    {
        var errors = new ValidationErrors();
        errors.Required("title", request.Title, JobLimits.Title);
        errors.Required("company", request.Company, JobLimits.Company);
        errors.MaxLength("location", request.Location, JobLimits.Location);
        errors.MaxLength("description", request.Description, JobLimits.Description);
        errors.HttpUrl("url", request.Url, JobLimits.Url);
        return errors;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
