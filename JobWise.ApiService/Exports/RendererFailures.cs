using System.Text.Json.Nodes;
using JobWise.ApiService.Http;
using JobWise.ApiService.Rendering;
using JobWise.ApiService.Validation;

namespace JobWise.ApiService.Exports;

/// <summary>
/// Passes a renderer refusal on to the client in the API's own terms: what is wrong with the request stays a 4xx,
/// load shedding and outages stay 429/503 with Retry-After, and anything else the renderer answers is its own (or our
/// protocol's) fault: 502, without Retry-After, since the same request would fail the same way again.
/// </summary>
public static class RendererFailures
{
    public static ExportOutcome ToOutcome(RenderOutcome outcome, TimeSpan defaultRetryAfter)
    {
        var title = outcome.Problem?["title"]?.GetValue<string>();
        switch (outcome.StatusCode)
        {
            case StatusCodes.Status400BadRequest:
                var errors = new ValidationErrors();
                if (outcome.Problem?["errors"] is JsonObject fields)
                {
                    foreach (var (field, messages) in fields)
                    {
                        foreach (var message in messages as JsonArray ?? [])
                        {
                            errors.Add(field, message?.GetValue<string>() ?? "is not valid");
                        }
                    }
                }
                if (!errors.Any)
                {
                    errors.Add("options", title ?? "is not valid for this template");
                }
                return new ExportOutcome.Invalid(errors);
            case StatusCodes.Status404NotFound:
                var unknownTemplate = new ValidationErrors();
                unknownTemplate.Add("template", "is not a known template");
                return new ExportOutcome.Invalid(unknownTemplate);
            case StatusCodes.Status413PayloadTooLarge:
            case StatusCodes.Status422UnprocessableEntity:
                return new ExportOutcome.Refused(outcome.StatusCode, title ?? "The document cannot be rendered.",
                    outcome.Problem?["detail"]?.GetValue<string>());
            case StatusCodes.Status429TooManyRequests:
                return new ExportOutcome.RetryLater(StatusCodes.Status429TooManyRequests,
                    "The renderer is busy; try again shortly.", outcome.RetryAfter ?? defaultRetryAfter);
            case StatusCodes.Status503ServiceUnavailable:
                return new ExportOutcome.RetryLater(StatusCodes.Status503ServiceUnavailable,
                    "The renderer is unavailable; try again shortly.", outcome.RetryAfter ?? defaultRetryAfter);
            default:
                return new ExportOutcome.BadGateway("The renderer failed to make this document.");
        }
    }
}
