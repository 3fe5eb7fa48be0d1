namespace JobWise.ApiService.RateLimiting;

public static class RateLimitingServiceExtensions
{
    public static IHostApplicationBuilder AddJobWiseRateLimiting(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<RateLimitOptions>(RateLimitOptions.SectionName);
        builder.AddValidatedOptions<ExpensiveWorkLimitOptions>(ExpensiveWorkLimitOptions.SectionName);
        builder.Services.AddSingleton<RedisAvailability>();
        builder.Services.AddSingleton<SharedRateLimiters>();
        builder.Services.AddRateLimiter(options =>
        {
            options.AddPolicy<string, ExpensiveWorkRateLimit>(ExpensiveWorkRateLimit.PolicyName);
            options.OnRejected = ExpensiveWorkRateLimit.RejectAsync;
        });
        return builder;
    }
}
