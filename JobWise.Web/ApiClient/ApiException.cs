using System.Globalization;

namespace JobWise.Web.ApiClient;

/// <summary>The API answered with a problem (or could not be reached); carries what a page needs to say so.</summary>
public sealed class ApiException(int status, string title, IReadOnlyDictionary<string, string[]>? errors = null, TimeSpan? retryAfter = null)
    : Exception(title)
{
    public int Status { get; } = status;

    public string Title { get; } = title;

    /// <summary>Field (as the API names it, e.g. <c>header.email</c>) → messages.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors ?? new Dictionary<string, string[]>();

    public TimeSpan? RetryAfter { get; } = retryAfter;

    public bool SessionEnded => Status == StatusCodes.Status401Unauthorized;

    /// <summary>What to tell the user, including when to try again after a 429 or 503.</summary>
    public string UserMessage => RetryAfter is { } wait
        ? $"{Title} Try again in {Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture)} seconds."
        : Status is StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable
            ? $"{Title} Try again in a few seconds."
            : Title;

    public static ApiException Unreachable() =>
        new(StatusCodes.Status503ServiceUnavailable, "The JobWise service cannot be reached.", retryAfter: TimeSpan.FromSeconds(5));
}
