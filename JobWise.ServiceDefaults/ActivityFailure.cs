namespace System.Diagnostics;

/// <summary>How a span of ours records the exception that ended it (the same way in every service).</summary>
public static class ActivityFailure
{
    /// <summary>Adds the exception as a span event and marks the span failed; nothing when nobody listens.</summary>
    public static void Fail(this Activity? activity, Exception exception) =>
        activity?.AddException(exception).SetStatus(ActivityStatusCode.Error, exception.Message);
}
