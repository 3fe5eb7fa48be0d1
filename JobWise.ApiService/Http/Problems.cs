using System.Globalization;
using JobWise.ApiService.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JobWise.ApiService.Http;

/// <summary>The problem responses the API gives, so that each kind reads the same everywhere.</summary>
public static class Problems
{
    public static ValidationProblem Validation(ValidationErrors errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(), title: "The request is not valid.");

    public static ValidationProblem Validation(string field, string message)
    {
        var errors = new ValidationErrors();
        errors.Add(field, message);
        return Validation(errors);
    }

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(title: $"{what} was not found.", statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult TooLarge(long maxBytes) =>
        TypedResults.Problem(title: "The request body is too large.", detail: $"At most {maxBytes} bytes are accepted.",
            statusCode: StatusCodes.Status413PayloadTooLarge);

    public static ProblemHttpResult Conflict(string title) =>
        TypedResults.Problem(title: title, statusCode: StatusCodes.Status409Conflict);

    public static ProblemHttpResult Unauthorized(string title) =>
        TypedResults.Problem(title: title, statusCode: StatusCodes.Status401Unauthorized);

    /// <summary>A dependency answered with an error of its own; retrying the same request would not help.</summary>
    public static ProblemHttpResult BadGateway(string title) =>
        TypedResults.Problem(title: title, statusCode: StatusCodes.Status502BadGateway);

    /// <summary>429 or 503 with the Retry-After a client needs to come back politely.</summary>
    public static ProblemHttpResult RetryLater(HttpContext context, int statusCode, string title, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(title: title, statusCode: statusCode);
    }
}
