using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using JobWise.Contracts;
using JobWise.Tests.Infrastructure;

namespace JobWise.Tests.Health;

public sealed class HealthEndpointTests(HealthEndpointsHost host) : IClassFixture<HealthEndpointsHost>
{
    private static readonly TimeSpan CheapProbe = TimeSpan.FromSeconds(1);

    // The renderer runs with the default Health:CacheDuration; waiting longer makes its next probe run the checks anew.
    private static readonly TimeSpan PastRendererCache = TimeSpan.FromSeconds(2.5);

    [Theory]
    [InlineData("/health")]
    [InlineData("/health/ready")]
    public async Task A_caller_outside_the_allowed_networks_gets_only_the_overall_status(string path)
    {
        using var outsider = LoopbackClient.From(LoopbackClient.NewClientAddress(), host.Api.Url);
        using var response = await outsider.GetAsync(path, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = JsonNode.Parse(body)!.AsObject();
        Assert.Equal(["status"], report.Select(property => property.Key));
        Assert.Contains(report["status"]!.GetValue<string>(), new[] { "Healthy", "Degraded" });
        Assert.DoesNotContain("Exception", body);
    }

    [Fact]
    public async Task A_caller_in_the_allowed_networks_gets_each_check_without_exception_text()
    {
        using var allowed = LoopbackClient.From(IPAddress.Loopback, host.Api.Url);
        using var response = await allowed.GetAsync("/health/ready", TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var checks = JsonNode.Parse(body)!["checks"]!.AsObject();
        Assert.Equal(["cache", "database", "renderer", "self", "storage"], checks.Select(check => check.Key).Order());
        Assert.All(checks, check => Assert.Equal("Healthy", check.Value!["status"]!.GetValue<string>()));
        Assert.DoesNotContain("   at ", body);
    }

    [Fact]
    public async Task Twenty_probes_write_nothing_to_storage()
    {
        var before = FilesUnder(host.StorageRoot);
        using var probe = LoopbackClient.From(IPAddress.Loopback, host.Api.Url);
        for (var i = 0; i < 20; i++)
        {
            using var response = await probe.GetAsync(i % 2 == 0 ? "/health/ready" : "/health", TestContext.Current.CancellationToken);
            var report = await response.ReadJsonAsync();
            Assert.Equal("Healthy", report["checks"]!["storage"]!["status"]!.GetValue<string>());
        }
        Assert.Equal(before, FilesUnder(host.StorageRoot));
    }

    [Fact]
    public async Task Readiness_answers_within_a_second_while_the_render_queue_is_full()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var probe = LoopbackClient.From(IPAddress.Loopback, host.Renderer.Url);
        // Warm both paths first, so the measurement is of a probe, not of a first connection.
        (await probe.GetAsync("/health/ready", cancellationToken)).Dispose();
        (await probe.GetAsync($"{host.Api.Url}/health/ready", cancellationToken)).Dispose();
        await Task.Delay(PastRendererCache, cancellationToken);

        using var renders = new HttpClient { BaseAddress = new Uri(host.Renderer.Url), Timeout = TimeSpan.FromMinutes(5) };
        var slowRender = new RenderRequest { Content = LongResume(), Template = "modern" };
        var inFlight = Enumerable.Range(0, HealthEndpointsHost.RendererQueueLength + 4)
            .Select(_ => renders.PostAsJsonAsync("/render", slowRender, ContractJson.Options, cancellationToken))
            .ToList();
        try
        {
            // A 429 means the queue was full when it was refused; renders that long keep it full for seconds.
            var refused = await Task.WhenAny(inFlight);
            Assert.Equal(HttpStatusCode.TooManyRequests, (await refused).StatusCode);

            var renderer = await TimedProbeAsync(probe, $"{host.Renderer.Url}/health/ready");
            var api = await TimedProbeAsync(probe, $"{host.Api.Url}/health/ready");

            TestContext.Current.TestOutputHelper?.WriteLine(
                $"queue full: renderer /health/ready {renderer.Elapsed.TotalMilliseconds:F0} ms, API /health/ready {api.Elapsed.TotalMilliseconds:F0} ms");
            Assert.True(renderer.Elapsed < CheapProbe, $"renderer /health/ready took {renderer.Elapsed.TotalMilliseconds:F0} ms");
            Assert.True(api.Elapsed < CheapProbe, $"API /health/ready took {api.Elapsed.TotalMilliseconds:F0} ms");
            Assert.Equal("Healthy", renderer.Report["checks"]!["chromium"]!["status"]!.GetValue<string>());
            var chromium = renderer.Report["checks"]!["chromium"]!["description"]!.GetValue<string>();
            var queued = int.Parse(Regex.Match(chromium, @"(\d+) queued").Groups[1].Value);
            Assert.True(queued > 0, chromium);
            Assert.Equal("Healthy", api.Report["checks"]!["renderer"]!["status"]!.GetValue<string>());
        }
        finally
        {
            foreach (var response in await Task.WhenAll(inFlight))
            {
                response.Dispose();
            }
        }
    }

    [Fact]
    public async Task Probes_within_the_cache_duration_get_the_same_report()
    {
        // Its chromium check describes a measured heartbeat, so two runs of the checks would not read the same.
        using var probe = LoopbackClient.From(IPAddress.Loopback, host.Renderer.Url);
        await Task.Delay(PastRendererCache, TestContext.Current.CancellationToken);
        var first = await TimedProbeAsync(probe, "/health/ready");
        var second = await TimedProbeAsync(probe, "/health/ready");
        Assert.Equal(first.Report.ToJsonString(), second.Report.ToJsonString());
    }

    private static async Task<(TimeSpan Elapsed, JsonNode Report)> TimedProbeAsync(HttpClient client, string url)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (elapsed, await response.ReadJsonAsync());
    }

    private static ResumeDocument LongResume() => new()
    {
        Header = new ResumeHeader { Name = "Long Resume", Email = "long@example.com" },
        Sections =
        [
            new ResumeSection
            {
                Type = SectionTypes.Experience,
                Title = "Experience",
                Items = [.. Enumerable.Range(0, 400).Select(index => new ResumeItem
                {
                    Title = $"Role {index}",
                    Organization = "Company",
                    Highlights = [.. Enumerable.Range(0, 4).Select(bullet => $"Achievement {bullet} in role {index}, described in one sentence.")],
                })],
            },
        ],
    };

    private static string[] FilesUnder(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order()];
}
