using JobWise.Tests.Infrastructure;

namespace JobWise.Tests.Web;

/// <summary>
/// The web front end over an API with the limits that matter to a session left in place: access tokens that live the
/// API's shortest allowed minute, which the front end renews 10 s after each is issued, and one unit of expensive work
/// per user (the second tailoring is refused with 429 and Retry-After).
/// </summary>
public sealed class StrictWebFrontEndHost(PostgresServer postgres, RedisServer redis, RendererServer renderer)
    : WebFrontEndHost(postgres, redis, renderer)
{
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan RefreshBeforeExpiry = TimeSpan.FromSeconds(50);

    /// <summary>How long after a token is issued the front end renews it.</summary>
    public static TimeSpan RenewedAfter => AccessTokenLifetime - RefreshBeforeExpiry;

    protected override IReadOnlyDictionary<string, string> ApiSettings => new Dictionary<string, string>
    {
        ["Auth:AccessTokenLifetime"] = AccessTokenLifetime.ToString("c"),
        ["RateLimits:ExpensiveWork:TokenLimit"] = "1",
        ["RateLimits:ExpensiveWork:TokensPerPeriod"] = "1",
        ["RateLimits:ExpensiveWork:ReplenishmentPeriod"] = "00:10:00",
    };

    protected override IReadOnlyDictionary<string, string> WebSettings => new Dictionary<string, string>
    {
        ["Session:RefreshBeforeExpiry"] = RefreshBeforeExpiry.ToString("c"),
    };
}
