using JobWise.ApiService.Http;
using JobWise.ApiService.Infrastructure;
using JobWise.ApiService.Validation;
using Microsoft.EntityFrameworkCore;

namespace JobWise.ApiService.Generations;

/// <summary>The header of a resume version, enough to tell versions apart in a list.</summary>
public sealed record GenerationHeaderSummary(string? Name, string? Title);

/// <summary>A resume version in a list: what it is and how well it matches, without the document itself.</summary>
public sealed record GenerationSummary(Guid Id, Guid? JobId, string Source, DateTimeOffset CreatedAt, GenerationHeaderSummary Header, int? CoverageScore);

public static class GenerationSummaries
{
    /// <summary>
    /// One page of a user's generations, newest first. The header and coverage are read inside PostgreSQL, so a page
    /// never loads whole documents (each up to the size of a profile). Columns are named as the snake_case
    /// convention names <see cref="Row"/>'s properties.
    /// </summary>
    public static async Task<List<GenerationSummary>> PageAsync(
        JobWiseDbContext db, Guid userId, Guid? jobId, Paging paging, CancellationToken cancellationToken)
    {
        var anyJob = jobId is null;
        var job = jobId ?? Guid.Empty;
        var rows = db.Database.SqlQuery<Row>(
            $"""
            SELECT id, job_id, source, created_at,
                   content->'header'->>'name' AS name, content->'header'->>'title' AS title,
                   ("match"->>'coverage_score')::int AS coverage_score
            FROM generations WHERE user_id = {userId} AND ({anyJob} OR job_id = {job})
            ORDER BY created_at DESC, id DESC LIMIT {paging.Limit} OFFSET {paging.Offset}
            """);
        var page = await rows.ToListAsync(cancellationToken);
        return page.Select(r => new GenerationSummary(r.Id, r.JobId, r.Source, r.CreatedAt, new GenerationHeaderSummary(r.Name, r.Title), r.CoverageScore)).ToList();
    }

    private sealed record Row(Guid Id, Guid? JobId, string Source, DateTimeOffset CreatedAt, string? Name, string? Title, int? CoverageScore);
}
