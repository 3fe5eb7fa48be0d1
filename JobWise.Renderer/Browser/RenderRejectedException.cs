namespace JobWise.Renderer.Browser;

public enum RejectionReason
{
    QueueFull,
    TooLarge,
    OverPageLimit,
    BrowserUnavailable,
    Timeout,
}

/// <summary>A render refused for a reason the caller can act on; the API maps each reason to its status code.</summary>
public sealed class RenderRejectedException(RejectionReason reason, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public RejectionReason Reason { get; } = reason;
}
