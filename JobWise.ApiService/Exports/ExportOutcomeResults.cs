using JobWise.ApiService.Http;
using JobWise.ApiService.Validation;

namespace JobWise.ApiService.Exports;

/// <summary>The HTTP answer to each <see cref="ExportOutcome"/>.</summary>
public static class ExportOutcomeResults
{
    public static IResult ToHttpResult(this ExportOutcome outcome, HttpContext context) => outcome switch
    {
        ExportOutcome.Created created => TypedResults.Created($"/api/v1/exports/{created.Export.Id}", created.Export),
        ExportOutcome.Deleted => TypedResults.NoContent(),
        ExportOutcome.Invalid invalid => Problems.Validation(invalid.Errors),
        ExportOutcome.NotFound notFound => Problems.NotFound(notFound.What),
        ExportOutcome.Refused refused => TypedResults.Problem(title: refused.Title, detail: refused.Detail, statusCode: refused.StatusCode),
        ExportOutcome.BadGateway failed => Problems.BadGateway(failed.Title),
        ExportOutcome.RetryLater later => Problems.RetryLater(context, later.StatusCode, later.Title, later.RetryAfter),
        _ => throw new InvalidOperationException($"No HTTP answer for {outcome.GetType().Name}."),
    };
}
