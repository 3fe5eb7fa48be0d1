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
        ? $"{WithoutVagueRetry(Title)} Try again in {Seconds(wait)}."
        : Status is StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable
            ? $"{WithoutVagueRetry(Title)} Try again in a few seconds."
            : Title;

    /// <summary>"598 seconds (about 10 minutes)": the exact wait, and one a person can take in at a glance.</summary>
    private static string Seconds(TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        var text = $"{seconds.ToString(CultureInfo.InvariantCulture)} second{(seconds == 1 ? "" : "s")}";
        return seconds < 90 ? text : $"{text} (about {Math.Round(seconds / 60.0).ToString(CultureInfo.InvariantCulture)} minutes)";
    }

    // The API's titles may end "…; try again later."; the page says exactly when, so the vague half goes.
    private static string WithoutVagueRetry(string title)
    {
        var cut = title.LastIndexOf("try again later", StringComparison.OrdinalIgnoreCase);
        return cut > 0 ? title[..cut].TrimEnd(' ', ';', ',', '.') + "." : title;
    }

    public static ApiException Unreachable() =>
        new(StatusCodes.Status503ServiceUnavailable, "The JobWise service cannot be reached.", retryAfter: TimeSpan.FromSeconds(5));
}
