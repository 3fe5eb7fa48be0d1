using System.Net;
using JobWise.Tests.Exports;
using JobWise.Tests.Infrastructure;

namespace JobWise.Tests.Auth;

/// <summary>The exports API with the real renderer and low per-user limits of the endpoints that render or analyse.</summary>
public sealed class LowWorkLimitApiHost(PostgresServer postgres, RedisServer redis, RendererServer renderer)
    : ExportsApiHost(postgres, redis, renderer)
{
    public const int Tokens = 4;

    protected override IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>(base.ExtraSettings)
    {
        ["RateLimits:ExpensiveWork:TokenLimit"] = Tokens.ToString(),
        ["RateLimits:ExpensiveWork:TokensPerPeriod"] = "1",
        ["RateLimits:ExpensiveWork:ReplenishmentPeriod"] = "01:00:00",
    };
}

public sealed class ExpensiveWorkLimitTests(LowWorkLimitApiHost host) : IClassFixture<LowWorkLimitApiHost>
{
    [Fact]
    public async Task One_user_past_the_export_rate_gets_429_with_retry_after_while_another_user_is_served()
    {
        // Making the scenario's generation spends one of the user's tokens too.
        var heavy = await ExportScenario.CreateAsync(host);
        var light = await ExportScenario.CreateAsync(host);
        for (var export = 1; export < LowWorkLimitApiHost.Tokens; export++)
        {
            using var served = await heavy.ExportAsync("docx", "modern");
            Assert.Equal(HttpStatusCode.Created, served.StatusCode);
        }

        using var refused = await heavy.ExportAsync("pdf", "modern");
        await AssertTooManyAsync(refused, TimeSpan.FromMinutes(60));
        using var refusedBatch = await heavy.User.Client.PostJsonAsync("/api/v1/exports/batch",
            new { generation_id = heavy.GenerationId, templates = new[] { "modern" }, formats = new[] { "docx" } });
        await AssertTooManyAsync(refusedBatch, TimeSpan.FromMinutes(60));
        using var refusedGeneration = await heavy.User.Client.PostJsonAsync("/api/v1/generations", new { });
        await AssertTooManyAsync(refusedGeneration, TimeSpan.FromMinutes(60));

        using var other = await light.ExportAsync("pdf", "modern");
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        // Reading stays open to the throttled user: only the endpoints that render or analyse are limited.
        using var list = await heavy.User.Client.GetAsync("/api/v1/exports/files", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }

    internal static async Task AssertTooManyAsync(HttpResponseMessage response, TimeSpan longest)
    {
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.TooManyRequests, $"{(int)response.StatusCode}: {body.ToJsonString()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(429, body["status"]!.GetValue<int>());
        Assert.InRange(response.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), longest);
    }
}
