using System.Net;
using Microsoft.Extensions.ServiceDiscovery;

namespace JobWise.ApiService.Rendering;

/// <summary>
/// Every renderer replica service discovery knows (<c>services:renderer:http:0</c>, <c>:1</c>, … or one plain URL),
/// handed out in turn so that renders spread over all of them, and so that a render refused by one can go to another.
/// </summary>
public sealed class RendererEndpoints(ServiceEndpointResolver resolver, IConfiguration configuration)
{
    private readonly string _serviceUrl = configuration["Renderer:Url"] ?? RendererClient.ServiceUri;
    private uint _next;

    /// <summary>The replicas' base addresses, starting with the next one in turn.</summary>
    public async Task<IReadOnlyList<Uri>> InTurnAsync(CancellationToken cancellationToken)
    {
        // The resolver keeps what it found and watches for changes, so this costs nothing per render.
        var source = await resolver.GetEndpointsAsync(_serviceUrl, cancellationToken);
        var endpoints = source.Endpoints.Select(endpoint => BaseAddressOf(endpoint.EndPoint)).ToList();
        if (endpoints.Count == 0)
        {
            return endpoints;
        }
        var first = (int)(Interlocked.Increment(ref _next) % (uint)endpoints.Count);
        return [.. endpoints.Skip(first), .. endpoints.Take(first)];
    }

    private Uri BaseAddressOf(EndPoint endPoint)
    {
        // An address without a scheme (a plain URL passed through, or DNS) takes the configured one: the first of "https+http".
        var scheme = _serviceUrl[.._serviceUrl.IndexOf("://", StringComparison.Ordinal)].Split('+')[0];
        return endPoint switch
        {
            UriEndPoint uri => uri.Uri,
            IPEndPoint ip => new UriBuilder(scheme, ip.Address.ToString(), ip.Port).Uri,
            DnsEndPoint dns => new UriBuilder(scheme, dns.Host, dns.Port).Uri,
            _ => throw new InvalidOperationException($"Renderer endpoint {endPoint} is neither a URL nor an address."),
        };
    }
}
