using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Microsoft.Extensions.Hosting;

/// <summary>Who may read the detailed health report (section <c>Health</c>).</summary>
public sealed class HealthEndpointOptions : IValidatableObject
{
    public const string SectionName = "Health";

    /// <summary>
    /// Callers whose address (HttpContext.Connection.RemoteIpAddress, which forwarded-headers middleware rewrites behind a proxy)
    /// falls in one of these CIDR ranges get the per-check report; everyone else gets only the overall status.
    /// Default: loopback only, because without forwarded headers every request through a proxy comes from a private address.
    /// </summary>
    /// <remarks>
    /// Empty by default and read through <see cref="EffectiveNetworks"/>: the configuration binder appends configured array items to
    /// an initialised array, so a default written here could never be narrowed by a setting.
    /// </remarks>
    public string[] DetailsAllowedNetworks { get; set; } = [];

    public static readonly string[] LoopbackNetworks = ["127.0.0.0/8", "::1/128"];

    /// <summary>The configured ranges, or loopback only when none are configured.</summary>
    public IReadOnlyList<string> EffectiveNetworks => DetailsAllowedNetworks.Length > 0 ? DetailsAllowedNetworks : LoopbackNetworks;

    /// <summary>How long a finished health report is served again before the checks run anew (probes in between cost nothing).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long one check may take before it counts as failed (with its registration's failure status), for checks registered
    /// without a timeout of their own; keeps a probe short even when a dependency hangs (the renderer client waits up to 60 s).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan CheckTimeout { get; set; } = TimeSpan.FromSeconds(2);

    public bool AllowsDetailsFor(IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        foreach (var network in EffectiveNetworks)
        {
            if (IPNetwork.TryParse(network, out var parsed) && parsed.Contains(address))
            {
                return true;
            }
        }
        return false;
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        DetailsAllowedNetworks
            .Where(network => !IPNetwork.TryParse(network, out _))
            .Select(network => new ValidationResult($"'{network}' is not a CIDR range such as 10.0.0.0/8.", [nameof(DetailsAllowedNetworks)]));
}
