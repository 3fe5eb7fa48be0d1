using JobWise.ApiService.Auth;
using JobWise.ApiService.Http;
using JobWise.ApiService.Infrastructure;
using JobWise.ApiService.Jobs;
using JobWise.ApiService.Model;
using JobWise.ApiService.RateLimiting;
using JobWise.ApiService.Tailoring;
using JobWise.ApiService.Validation;
using JobWise.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace JobWise.ApiService.Generations;

public sealed record CreateGenerationRequest(Guid? JobId, ResumeDocument? ContentStructured, TailoringLimits? Tailoring);

public sealed record GenerationResponse(Guid Id, Guid? JobId, string Source, ResumeDocument ContentStructured, JobMatch? Match, DateTimeOffset CreatedAt)
{
    public static GenerationResponse From(Generation generation) =>
        new(generation.Id, generation.JobId, generation.Source, generation.Content, generation.Match, generation.CreatedAt);
}

public sealed record GenerationListResponse(IReadOnlyList<GenerationSummary> Generations, int Total, int Limit, int Offset);

public static class GenerationsApi
{
    public const string FromProfile = "profile";
    public const string TailoredFromProfile = "tailored";
    public const string Explicit = "explicit";
    private const int MaxLimit = 1000;

    public static RouteGroupBuilder MapGenerationsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/generations").WithTags("Generations");
        group.MapPost("/", CreateGeneration).WithName("CreateGeneration")
            .WithSummary("Make a resume version: from the content given, else from the profile, tailored to the job when job_id is given")
            .WithMaxBodyBytes(Profiles.ProfileApi.MaxBodyBytes)
            .RequireRateLimiting(ExpensiveWorkRateLimit.PolicyName);
        group.MapGet("/", ListGenerations).WithName("ListGenerations")
            .WithSummary("The resume versions, newest first, optionally for one job: summaries, without the documents");
        group.MapGet("/{id:guid}", GetGeneration).WithName("GetGeneration").WithSummary("One resume version");
        group.MapDelete("/{id:guid}", DeleteGeneration).WithName("DeleteGeneration").WithSummary("Delete a resume version");
        return group;
    }

    public static async Task<Results<Created<GenerationResponse>, ValidationProblem, ProblemHttpResult>> CreateGeneration(
        CreateGenerationRequest request, HttpContext context, JobWiseDbContext db, GenerationTailor tailor, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var userId = context.User.GetUserId();
        var errors = new ValidationErrors();
        if (request.ContentStructured is not null)
        {
            ResumeValidator.Validate(errors, "content_structured", request.ContentStructured);
        }
        ValidateLimit(errors, "tailoring.max_bullets_per_entry", request.Tailoring?.MaxBulletsPerEntry);
        ValidateLimit(errors, "tailoring.max_skills_per_group", request.Tailoring?.MaxSkillsPerGroup);
        ValidateLimit(errors, "tailoring.max_summary_sentences", request.Tailoring?.MaxSummarySentences);
        if (errors.Any)
        {
            return Problems.Validation(errors);
        }
        Job? job = null;
        if (request.JobId is { } jobId && (job = await db.Jobs.AsNoTracking().FindOwnedAsync(jobId, context.User.GetUserId(), cancellationToken)) is null)
        {
            return Problems.NotFound("The job");
        }
        var content = request.ContentStructured;
        JobMatch? match = null;
        if (content is null)
        {
            var profile = await db.Profiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
            if (profile is null)
            {
                return Problems.NotFound("The profile");
            }
            content = profile.Content;
            if (job is not null)
            {
                var tailored = await tailor.TailorAsync(profile.Content, job, request.Tailoring ?? new TailoringLimits(), cancellationToken);
                (content, match) = (tailored.Document, tailored.Match);
            }
        }
        var generation = new Generation
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            JobId = request.JobId,
            Content = content,
            Source = request.ContentStructured is not null ? Explicit : match is not null ? TailoredFromProfile : FromProfile,
            Match = match,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Generations.Add(generation);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/generations/{generation.Id}", GenerationResponse.From(generation));
    }

    private static void ValidateLimit(ValidationErrors errors, string field, int? value)
    {
        if (value is < 0 or > MaxLimit)
        {
            errors.Add(field, $"must be between 0 and {MaxLimit}");
        }
    }

    public static async Task<Results<Ok<GenerationListResponse>, ValidationProblem>> ListGenerations(
        HttpContext context, JobWiseDbContext db, [FromQuery(Name = "job_id")] Guid? jobId, int? limit, int? offset,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var paging = Paging.Validate(errors, limit, offset);
        if (errors.Any)
        {
            return Problems.Validation(errors);
        }
        var userId = context.User.GetUserId();
        var query = db.Generations.Where(g => g.UserId == userId);
        if (jobId is { } wanted)
        {
            query = query.Where(g => g.JobId == wanted);
        }
        var total = await query.CountAsync(cancellationToken);
        var page = await GenerationSummaries.PageAsync(db, userId, jobId, paging, cancellationToken);
        return TypedResults.Ok(new GenerationListResponse(page, total, paging.Limit, paging.Offset));
    }

    public static async Task<Results<Ok<GenerationResponse>, ProblemHttpResult>> GetGeneration(
        Guid id, HttpContext context, JobWiseDbContext db, CancellationToken cancellationToken)
    {
        var userId = context.User.GetUserId();
        var generation = await db.Generations.AsNoTracking().SingleOrDefaultAsync(g => g.Id == id && g.UserId == userId, cancellationToken);
        return generation is null ? Problems.NotFound("The generation") : TypedResults.Ok(GenerationResponse.From(generation));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteGeneration(
        Guid id, HttpContext context, JobWiseDbContext db, CancellationToken cancellationToken)
    {
        var userId = context.User.GetUserId();
        var deleted = await db.Generations.Where(g => g.Id == id && g.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? Problems.NotFound("The generation") : TypedResults.NoContent();
    }
}
