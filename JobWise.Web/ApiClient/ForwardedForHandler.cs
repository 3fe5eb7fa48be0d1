using System.Net;

namespace JobWise.Web.ApiClient;

/// <summary>
/// Tells the API whom it is calling for, as a proxy does: the <c>X-Forwarded-For</c> chain the front end received
/// followed by the address its own request came from. Without it every user of the front end is one client to the
/// API, and one user's failed sign-ins would spend everyone's per-address sign-in and registration limits. The API
/// believes the chain only as far as its <c>ForwardedHeaders</c> settings trust each hop (the front end among them),
/// so what a user writes into the header proves nothing.
/// </summary>
public sealed class ForwardedForHandler(IHttpContextAccessor httpContextAccessor) : DelegatingHandler
{
    private const string HeaderName = "X-Forwarded-For";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (httpContextAccessor.HttpContext is { } context && Chain(context) is { Length: > 0 } chain)
        {
            request.Headers.Remove(HeaderName);
            request.Headers.TryAddWithoutValidation(HeaderName, chain);
        }
        return base.SendAsync(request, cancellationToken);
    }

    private static string Chain(HttpContext context)
    {
        var received = string.Join(", ", context.Request.Headers[HeaderName].Where(value => !string.IsNullOrWhiteSpace(value)));
        var peer = context.Connection.RemoteIpAddress is { } address
            ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
            : null;
        return string.Join(", ", new[] { received, peer }.Where(part => !string.IsNullOrEmpty(part)));
    }
}
