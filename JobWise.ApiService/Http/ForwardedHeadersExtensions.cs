using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace JobWise.ApiService.Http;

/// <summary>
/// The client's address and the public scheme and host, taken from <c>X-Forwarded-For/Proto/Host</c> only when the
/// connection comes from a proxy named in <see cref="TrustedProxyOptions"/>.
/// </summary>
public static class ForwardedHeadersExtensions
{
    public static IHostApplicationBuilder AddTrustedForwardedHeaders(this IHostApplicationBuilder builder)
    {
        // Each is one comma-separated value: a list (ForwardedHeaders__KnownNetworks__0) would bind to nothing and leave
        // every proxy untrusted without a word, so it stops start-up instead.
        var listed = new[] { nameof(TrustedProxyOptions.KnownProxies), nameof(TrustedProxyOptions.KnownNetworks) }
            .Where(name => builder.Configuration.GetSection($"{TrustedProxyOptions.SectionName}:{name}").GetChildren().Any()).ToList();
        builder.AddValidatedOptions<TrustedProxyOptions>(TrustedProxyOptions.SectionName)
            .Validate(options => options.IsValid(),
                "ForwardedHeaders:KnownProxies must be IP addresses and ForwardedHeaders:KnownNetworks CIDR networks (10.0.0.0/8).")
            .Validate(_ => listed.Count == 0,
                $"ForwardedHeaders:{string.Join(", ForwardedHeaders:", listed)} is one comma-separated value, not a list: " +
                "set ForwardedHeaders__KnownNetworks=10.0.0.0/8,fd00::/8 rather than ForwardedHeaders__KnownNetworks__0.");
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<TrustedProxyOptions>>((forwarded, trusted) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // ASP.NET Core trusts loopback by default; here only what is configured is trusted.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in trusted.Value.Proxies())
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }
            foreach (var network in trusted.Value.Networks())
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
            // Walk back through every trusted hop (an ingress in front of a proxy, say); the first untrusted one stops it.
            forwarded.ForwardLimit = null;
        });
        return builder;
    }

    /// <summary>First in the pipeline, so that everything after it (limits, links, logs) sees the real client.</summary>
    public static WebApplication UseTrustedForwardedHeaders(this WebApplication app)
    {
        // With both lists empty the middleware would believe every sender, so without a trusted proxy it stays out.
        if (app.Services.GetRequiredService<IOptions<TrustedProxyOptions>>().Value.TrustsAny)
        {
            app.UseForwardedHeaders();
        }
        return app;
    }
}
