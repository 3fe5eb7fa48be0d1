using System.Net;

namespace JobWise.ApiService.Http;

/// <summary>
/// The reverse proxies whose <c>X-Forwarded-*</c> headers are believed. Empty (the default) means none: anyone can
/// send those headers, so without a proxy in front they would let a client pick its own address and host.
/// </summary>
public sealed class TrustedProxyOptions
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Proxy addresses separated by commas, e.g. <c>10.0.0.5,10.0.0.6</c> (one setting, easy to pass as a variable).</summary>
    public string KnownProxies { get; set; } = "";

    /// <summary>Proxy networks in CIDR notation separated by commas, e.g. <c>10.0.0.0/8,fd00::/8</c>.</summary>
    public string KnownNetworks { get; set; } = "";

    public bool TrustsAny => Proxies().Any() || Networks().Any();

    public IEnumerable<string> Proxies() => Split(KnownProxies);

    public IEnumerable<string> Networks() => Split(KnownNetworks);

    public bool IsValid() =>
        Proxies().All(proxy => IPAddress.TryParse(proxy, out _)) && Networks().All(network => IPNetwork.TryParse(network, out _));

    private static string[] Split(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
