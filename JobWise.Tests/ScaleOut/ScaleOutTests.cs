using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using JobWise.Tests.Exports;
using JobWise.Tests.Infrastructure;

namespace JobWise.Tests.ScaleOut;

/// <summary>Issue 11's "done when": replicas behind a proxy behave as one service, and losing one loses nothing.</summary>
[Collection(RunsAloneCollection.Name)]
public sealed class ScaleOutTests(ScaleOutCluster cluster) : IClassFixture<ScaleOutCluster>
{
    [Fact]
    public async Task Behind_the_proxy_each_client_is_limited_by_its_own_address_not_the_proxys()
    {
        using var limited = cluster.ClientFrom();
        // Every attempt names a new account, so only the client address is counted. The proxy takes turns between the
        // two replicas, and they count together in Redis: the attempt after the permit limit is refused, wherever it lands.
        for (var attempt = 0; attempt < ScaleOutCluster.LoginPermitLimit; attempt++)
        {
            using var response = await limited.PostJsonAsync("/api/v1/auth/login", new { email = $"nobody-{Guid.NewGuid():N}@example.com", password = "wrong password" });
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        using var refused = await limited.PostJsonAsync("/api/v1/auth/login", new { email = $"nobody-{Guid.NewGuid():N}@example.com", password = "wrong password" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);

        using var other = cluster.ClientFrom();
        using var otherAttempt = await other.PostJsonAsync("/api/v1/auth/login", new { email = $"nobody-{Guid.NewGuid():N}@example.com", password = "wrong password" });
        Assert.Equal(HttpStatusCode.Unauthorized, otherAttempt.StatusCode);
    }

    [Fact]
    public async Task Presigned_urls_name_the_public_endpoint_and_download_through_it()
    {
        var scenario = await NewScenarioAsync();
        using var response = await scenario.ExportAsync("pdf", "classic");
        var export = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, export.ToJsonString());

        var url = new Uri(export["download_url"]!.GetValue<string>());
        var proxy = new Uri(cluster.ProxyUrl);
        Assert.Equal((proxy.Scheme, proxy.Authority), (url.Scheme, url.Authority));
        Assert.StartsWith($"/{ScaleOutCluster.Bucket}/", url.AbsolutePath);
        Assert.DoesNotContain(new Uri(cluster.S3.ServiceUrl).Authority, url.ToString());

        using var browser = new HttpClient();
        using var download = await browser.GetAsync(url, TestContext.Current.CancellationToken);
        var bytes = await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.True(download.StatusCode == HttpStatusCode.OK, System.Text.Encoding.UTF8.GetString(bytes));
        Assert.Equal("%PDF"u8.ToArray(), bytes[..4]);
        Assert.Equal(export["file_size_bytes"]!.GetValue<long>(), bytes.Length);
    }

    [Fact]
    public async Task An_ats_report_queued_on_a_replica_that_is_then_killed_is_made_by_the_other()
    {
        var address = LoopbackClient.NewClientAddress();
        var scenario = await NewScenarioAsync(address);
        // Straight to the first replica, which never makes reports itself (its quiet moment never comes).
        var first = cluster.Apis[0];
        using var direct = LoopbackClient.From(address, first.Url);
        direct.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", scenario.User.AccessToken);
        using var response = await direct.PostJsonAsync("/api/v1/exports/pdf", new { generation_id = scenario.GenerationId, template = "modern" });
        var export = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, export.ToJsonString());
        var exportId = Guid.Parse(export["id"]!.GetValue<string>());

        await cluster.KillApiAsync(first);

        var deadline = Stopwatch.StartNew();
        while (await cluster.QueryAsync<bool>("SELECT ats_report IS NOT NULL FROM exports WHERE id = @id", ("id", exportId)) is false)
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), "the other replica did not make the report");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
        Assert.Equal(0L, await cluster.QueryAsync<long>("SELECT count(*) FROM pending_ats_reports WHERE export_id = @id", ("id", exportId)));
        // And the report reads back through the proxy, from the surviving replica, without being made again.
        using var report = await scenario.User.Client.GetAsync($"/api/v1/exports/{exportId}/ats", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
    }

    [Fact]
    public async Task Renders_spread_over_both_renderers_and_killing_one_mid_load_fails_no_export_it_had_not_begun()
    {
        var scenario = await NewScenarioAsync();
        var outcomes = new List<(TimeSpan Started, TimeSpan Ended, HttpStatusCode Status, bool HasRetryAfter)>();
        var clock = Stopwatch.StartNew();
        TimeSpan? killStarted = null;
        TimeSpan? deadAt = null;
        using var stop = new CancellationTokenSource();

        async Task ClientAsync(int client)
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var started = clock.Elapsed;
                // A different document each time, so every request renders instead of reusing a stored file.
                using var response = await scenario.ExportAsync("pdf", "modern", new { margins = 12 + ((client * 1000 + i) % 9) });
                lock (outcomes)
                {
                    outcomes.Add((started, clock.Elapsed, response.StatusCode, response.Headers.RetryAfter is not null));
                }
            }
        }

        var clients = Enumerable.Range(0, 4).Select(ClientAsync).ToList();
        await WaitUntilAsync(() => outcomes.Count >= 8 && cluster.Renderers.All(r => RendersServedBy(r) > 0), TimeSpan.FromSeconds(90));
        killStarted = clock.Elapsed;
        await cluster.Renderers[0].KillAsync();
        deadAt = clock.Elapsed;
        var completedAtKill = outcomes.Count;
        await WaitUntilAsync(() => outcomes.Count >= completedAtKill + 12, TimeSpan.FromSeconds(90));
        await stop.CancelAsync();
        await Task.WhenAll(clients);

        Assert.All(cluster.Renderers, renderer => Assert.True(RendersServedBy(renderer) > 0, "a renderer got no renders"));
        foreach (var outcome in outcomes)
        {
            if (outcome.Status == HttpStatusCode.Created)
            {
                continue;
            }
            // Only a render the killed renderer may already have begun can fail, and then as a 503 to retry later.
            Assert.True(outcome.Status == HttpStatusCode.ServiceUnavailable && outcome.HasRetryAfter, $"an export answered {(int)outcome.Status}");
            Assert.True(outcome.Started < deadAt && outcome.Ended > killStarted,
                $"an export begun at {outcome.Started} and ended at {outcome.Ended} failed; the renderer was killed from {killStarted} to {deadAt}");
        }
        Assert.All(outcomes.Where(o => o.Started > deadAt), o => Assert.Equal(HttpStatusCode.Created, o.Status));
    }

    private Task<ExportScenario> NewScenarioAsync(IPAddress? address = null)
    {
        address ??= LoopbackClient.NewClientAddress();
        return ExportScenario.CreateAsync(cluster.ClientFrom(address));
    }

    private static int RendersServedBy(RendererServer renderer) =>
        renderer.Output.Split('\n').Count(line => line.Contains("Request finished") && line.Contains("POST") && line.Contains("/render"));

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan limit)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < limit, "timed out waiting");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
