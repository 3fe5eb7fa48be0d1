using System.Text.Json;
using JobWise.ApiService.Auth;
using JobWise.ApiService.Http;
using JobWise.ApiService.Infrastructure;
using JobWise.ApiService.Profiles.JsonResume;
using JobWise.ApiService.Validation;
using JobWise.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace JobWise.ApiService.Profiles;

public sealed record ProfileResponse(ResumeDocument Content, DateTimeOffset UpdatedAt);

public sealed record UpdateProfileRequest(ResumeDocument? Content);

public static class ProfileApi
{
    /// <summary>A resume document is text: half a megabyte is far beyond any real one.</summary>
    public const long MaxBodyBytes = 512 * 1024;

    public static RouteGroupBuilder MapProfileApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/profile").WithTags("Profile");
        group.MapGet("/", GetProfile).WithName("GetProfile").WithSummary("The master resume");
        group.MapPut("/", UpdateProfile).WithName("UpdateProfile").WithSummary("Replace the master resume")
            .WithMaxBodyBytes(MaxBodyBytes);
        group.MapPost("/import/json-resume", ImportJsonResume).WithName("ImportJsonResume")
            .WithSummary("Replace the master resume with a JSON Resume document")
            .Accepts<JsonResumeDocument>("application/json")
            .WithMaxBodyBytes(MaxBodyBytes);
        group.MapGet("/export/json-resume", ExportJsonResume).WithName("ExportJsonResume")
            .WithSummary("The master resume as a JSON Resume document")
            .Produces<JsonResumeDocument>();
        return group;
    }

    public static async Task<Results<Ok<ProfileResponse>, ProblemHttpResult>> GetProfile(
        HttpContext context, JobWiseDbContext db, CancellationToken cancellationToken)
    {
        var profile = await db.Profiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == context.User.GetUserId(), cancellationToken);
        return profile is null ? Problems.NotFound("The profile") : TypedResults.Ok(new ProfileResponse(profile.Content, profile.UpdatedAt));
    }

    public static async Task<Results<Ok<ProfileResponse>, ValidationProblem, ProblemHttpResult>> UpdateProfile(
        UpdateProfileRequest request, HttpContext context, JobWiseDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        ResumeValidator.Validate(errors, "content", request.Content);
        if (errors.Any)
        {
            return Problems.Validation(errors);
        }
        return await SaveAsync(context, db, clock, request.Content!, cancellationToken);
    }

    public static async Task<Results<Ok<ProfileResponse>, ValidationProblem, ProblemHttpResult>> ImportJsonResume(
        HttpContext context, JobWiseDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        JsonResumeDocument? resume;
        try
        {
            // JSON Resume is camelCase, unlike the rest of the API, so the body is read with its own options.
            resume = await JsonSerializer.DeserializeAsync<JsonResumeDocument>(context.Request.Body, JsonResumeJson.Options, cancellationToken);
        }
        catch (JsonException exception)
        {
            return Problems.Validation(JsonErrorField.From(exception.Path), "is not valid JSON Resume: " + JsonErrorField.Describe(exception));
        }
        if (resume is null)
        {
            return Problems.Validation("body", "must be a JSON Resume document");
        }
        var errors = new ValidationErrors();
        JsonResumeShape.Validate(errors, resume);
        if (errors.Any)
        {
            return Problems.Validation(errors);
        }
        var document = JsonResumeMapper.ToDocument(resume);
        ResumeValidator.Validate(errors, "content", document);
        if (errors.Any)
        {
            return Problems.Validation(errors);
        }
        return await SaveAsync(context, db, clock, document, cancellationToken);
    }

    public static async Task<Results<JsonHttpResult<JsonResumeDocument>, ProblemHttpResult>> ExportJsonResume(
        HttpContext context, JobWiseDbContext db, CancellationToken cancellationToken)
    {
        var profile = await db.Profiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == context.User.GetUserId(), cancellationToken);
        return profile is null
            ? Problems.NotFound("The profile")
            : TypedResults.Json(JsonResumeMapper.ToJsonResume(profile.Content), JsonResumeJson.Options);
    }

    private static async Task<Results<Ok<ProfileResponse>, ValidationProblem, ProblemHttpResult>> SaveAsync(
        HttpContext context, JobWiseDbContext db, TimeProvider clock, ResumeDocument content, CancellationToken cancellationToken)
    {
        var profile = await db.Profiles.SingleOrDefaultAsync(p => p.UserId == context.User.GetUserId(), cancellationToken);
        if (profile is null)
        {
            return Problems.NotFound("The profile");
        }
        profile.Content = content;
        profile.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new ProfileResponse(profile.Content, profile.UpdatedAt));
    }
}
