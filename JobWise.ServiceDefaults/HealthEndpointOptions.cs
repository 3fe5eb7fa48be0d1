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
    public string[] DetailsAllowedNetworks { get; set; } = ["127.0.0.0/8", "::1/128"];

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
        foreach (var network in DetailsAllowedNetworks)
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
