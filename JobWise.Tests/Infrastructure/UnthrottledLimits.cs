namespace JobWise.Tests.Infrastructure;

/// <summary>
/// Settings that lift the API's sign-in and per-user work limits: tests make many users and requests from one address,
/// and only the classes about limits lower them again.
/// </summary>
public static class UnthrottledLimits
{
    public static IReadOnlyDictionary<string, string> Settings() => new Dictionary<string, string>
    {
        ["Auth:RateLimit:PermitLimit"] = "10000",
        ["Auth:RateLimit:AddressPermitLimit"] = "100000",
        ["RateLimits:ExpensiveWork:ConcurrentRequests"] = "1000",
        ["RateLimits:ExpensiveWork:TokenLimit"] = "100000",
        ["RateLimits:ExpensiveWork:TokensPerPeriod"] = "100000",
        // Each host counts in Redis on its own, though several share one.
        ["RateLimits:RedisKeyPrefix"] = $"jobwise-tests:{Guid.NewGuid():N}:",
    };
}
