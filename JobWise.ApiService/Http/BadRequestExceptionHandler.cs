using System.Text.Json;
using JobWise.ApiService.Validation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace JobWise.ApiService.Http;

/// <summary>
/// Turns a request the framework could not read (malformed JSON, a wrong type, an unknown enum value, a body over
/// its limit) into a problem response that names the field, instead of a bare 400 or a 500.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }
        context.Response.StatusCode = badRequest.StatusCode;
        ProblemDetails problem = badRequest.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => new ProblemDetails { Title = "The request body is too large.", Status = badRequest.StatusCode },
            _ when badRequest.InnerException is JsonException json => new HttpValidationProblemDetails(
                new Dictionary<string, string[]> { [JsonErrorField.From(json.Path)] = [JsonErrorField.Describe(json)] })
            {
                Title = "The request body is not valid JSON for this endpoint.",
                Status = badRequest.StatusCode,
            },
            _ => new ProblemDetails { Title = "The request is not valid.", Detail = badRequest.Message, Status = badRequest.StatusCode },
        };
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }
}
