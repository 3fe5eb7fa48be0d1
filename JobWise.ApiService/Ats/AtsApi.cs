using JobWise.ApiService.Auth;
using JobWise.ApiService.Http;
using JobWise.ApiService.Infrastructure;
using JobWise.ApiService.Model;
using JobWise.ApiService.RateLimiting;
using JobWise.ApiService.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace JobWise.ApiService.Ats;

public static class AtsApi
{
    public static RouteHandlerBuilder MapAtsApi(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/v1/exports/{id:guid}/ats", GetReport)
            .WithTags("Exports").WithName("GetExportAtsReport")
            .WithSummary("How an applicant tracking system reads the exported file: a 0–100 score and findings with advice")
            .RequireRateLimiting(ExpensiveWorkRateLimit.PolicyName);

    public static async Task<Results<Ok<AtsReport>, ProblemHttpResult>> GetReport(
        Guid id, HttpContext context, JobWiseDbContext db, AtsAnalyser analyser, CancellationToken cancellationToken)
    {
        var userId = context.User.GetUserId();
        var export = await db.Exports.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id && e.UserId == userId, cancellationToken);
        if (export is null)
        {
            return Problems.NotFound("The export");
        }
        var (outcome, report) = await analyser.AnalyseAsync(export, cancellationToken);
        return outcome switch
        {
            AtsAnalyser.Outcome.Reported => TypedResults.Ok(report!),
            AtsAnalyser.Outcome.NotAFormatParsersRead => TypedResults.Problem(
                title: "ATS reports are made for PDF and DOCX exports, not ZIP batches.", statusCode: StatusCodes.Status422UnprocessableEntity),
            AtsAnalyser.Outcome.SourceGone => TypedResults.Problem(
                title: "The generation this export was made from has been deleted, so it cannot be compared.", statusCode: StatusCodes.Status409Conflict),
            _ => Problems.NotFound("The export's file"),
        };
    }
}
