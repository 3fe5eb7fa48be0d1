using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using JobWise.Tests.Infrastructure;

namespace JobWise.Tests.Exports;

/// <summary>An API host with a Redis of its own, which the test stops.</summary>
public sealed class OwnCacheExportsApiHost(PostgresServer postgres, RedisServer sharedRedis, RendererServer renderer)
    : ExportsApiHost(postgres, sharedRedis, renderer)
{
    public RedisServer Cache { get; } = new();

    protected override IReadOnlyList<OwnServer> OwnServers =>
        [new(Cache, () => new Dictionary<string, string> { ["ConnectionStrings:cache"] = Cache.ConnectionString })];
}

public sealed class CacheOutageTests(OwnCacheExportsApiHost host) : IClassFixture<OwnCacheExportsApiHost>
{
    [Fact]
    public async Task With_redis_stopped_exports_listings_and_downloads_keep_working()
    {
        var scenario = await ExportScenario.CreateAsync(host);
        using var before = await scenario.ExportAsync("docx", "modern");
        Assert.Equal(HttpStatusCode.Created, before.StatusCode);

        await host.Cache.StopAsync();
        try
        {
            using var during = await scenario.ExportAsync("pdf", "modern");
            var export = await during.ReadJsonAsync();
            Assert.True(during.StatusCode == HttpStatusCode.Created, export.ToJsonString());
            using var list = await scenario.User.Client.GetAsync("/api/v1/exports/files", TestContext.Current.CancellationToken);
            var listed = await list.ReadPageAsync();
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            Assert.Equal(2, listed.Total);
            Assert.All(listed.Items, e => Assert.StartsWith("http", e!["download_url"]!.GetValue<string>()));

            var link = new Uri(export["download_url"]!.GetValue<string>());
            using var download = await host.CreateClient().GetAsync(link.PathAndQuery, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);

            // The in-process test server gives a request no remote address; set the one Kestrel would for a caller on this
            // machine, which the default Health:DetailsAllowedNetworks (loopback) lets see each check.
            var health = await host.Factory.Server.SendAsync(context =>
            {
                context.Request.Method = HttpMethods.Get;
                context.Request.Path = "/health";
                context.Connection.RemoteIpAddress = IPAddress.Loopback;
            }, TestContext.Current.CancellationToken);
            var report = JsonNode.Parse(health.Response.Body)!;
            Assert.Equal(StatusCodes.Status200OK, health.Response.StatusCode);
            Assert.Equal("Degraded", report["status"]!.GetValue<string>());
            Assert.Equal("Degraded", report["checks"]!["cache"]!["status"]!.GetValue<string>());
            Assert.All(new[] { "database", "storage" }, name => Assert.Equal("Healthy", report["checks"]![name]!["status"]!.GetValue<string>()));
        }
        finally
        {
            await host.Cache.StartAsync();
        }
    }
}
