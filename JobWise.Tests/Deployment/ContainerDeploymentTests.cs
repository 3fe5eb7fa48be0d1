using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using JobWise.Tests.Infrastructure;

namespace JobWise.Tests.Deployment;

/// <summary>
/// deploy/compose.yaml, run from the images <c>./jobwise images</c> built, exercised from the host through the edge
/// proxy only: exports and their downloads, replicas lost under load, a restart, and a clean removal.
/// </summary>
public sealed class ContainerDeploymentTests
{
    private static readonly string[] ImageNames = ["api", "renderer", "web", "edge", "postgres", "redis", "s3"];

    [Fact]
    public async Task The_deployment_serves_exports_survives_losing_replicas_and_a_restart_and_leaves_nothing_behind()
    {
        var engine = await ContainerEngine.FindAsync();
        if (engine is null)
        {
            Assert.Skip("No container engine answers (neither Docker nor Podman): ./jobwise test installs Podman on Debian.");
        }
        await AssertImagesBuiltAsync(engine);
        var output = TestContext.Current.TestOutputHelper;
        var deployment = new ComposeDeployment(engine);
        await using (deployment)
        {
            await deployment.PrepareAsync();
            var coldStart = await deployment.UpAsync();
            output?.WriteLine($"deploy to healthy (cold): {coldStart.TotalSeconds:F1} s");

            using var http = new HttpClient { BaseAddress = deployment.ApiUrl, Timeout = TimeSpan.FromMinutes(2) };
            string generationId;
            try
            {
                generationId = await SignInAndCreateGenerationAsync(http);
            }
            catch
            {
                // The first requests after the deployment reports healthy; what the replicas logged says why one failed.
                output?.WriteLine(await deployment.LogsAsync("api-1", "api-2", "edge"));
                throw;
            }

            var firstPdf = Stopwatch.StartNew();
            var pdf = await ExportAsync(http, "pdf", new { generation_id = generationId, template = "modern" });
            output?.WriteLine($"first PDF after healthy: {firstPdf.Elapsed.TotalMilliseconds:F0} ms");
            var docx = await ExportAsync(http, "docx", new { generation_id = generationId, template = "classic" });
            var batch = await ExportAsync(http, "batch",
                new { generation_id = generationId, templates = new[] { "modern", "ats_optimized" }, formats = new[] { "pdf", "docx" } });
            await AssertDownloadsAsync(pdf, "%PDF");
            await AssertDownloadsAsync(docx, "PK");
            await AssertDownloadsAsync(batch, "PK");
            await AssertWebFrontEndServesOneSessionFromEveryReplicaAsync(deployment.WebUrl);

            var underLoad = await ExportUnderLoadWhileKillingAsync(http, deployment, generationId);
            output?.WriteLine($"under load: {underLoad.Count} exports, one API and one renderer killed");

            await deployment.DownAsync(removeVolumes: false);
            var warmStart = await deployment.UpAsync();
            output?.WriteLine($"deploy to healthy (restart, images and volumes present): {warmStart.TotalSeconds:F1} s");
            foreach (var export in new[] { pdf, docx, batch }.Concat(underLoad))
            {
                using var again = await http.GetAsync($"/api/v1/exports/{export.Id}", TestContext.Current.CancellationToken);
                var body = await again.ReadJsonAsync();
                Assert.True(again.StatusCode == HttpStatusCode.OK, $"export {export.Id} after the restart: {(int)again.StatusCode} {body.ToJsonString()}");
                await AssertDownloadsAsync(Exported.From(body), export.Format == "pdf" ? "%PDF" : "PK");
            }

            await deployment.DownAsync(removeVolumes: true);
            Assert.Empty(await engine.ContainersOfAsync(ComposeDeployment.Project));
            Assert.Empty(await engine.VolumesOfAsync(ComposeDeployment.Project));
        }
    }

    /// <summary>
    /// Four clients export for a while; one API replica and one renderer replica are killed meanwhile. A request may
    /// fail only when it was in flight at a kill; every request that started after the kills must succeed.
    /// </summary>
    private static async Task<IReadOnlyList<Exported>> ExportUnderLoadWhileKillingAsync(HttpClient http, ComposeDeployment deployment, string generationId)
    {
        var clock = Stopwatch.StartNew();
        var results = new ConcurrentBag<(TimeSpan Start, TimeSpan End, Exported? Export, string? Failure)>();
        var stopTicks = long.MaxValue;
        var next = 0;
        async Task ClientAsync()
        {
            while (clock.Elapsed.Ticks < Interlocked.Read(ref stopTicks))
            {
                var n = Interlocked.Increment(ref next);
                // Distinct options for each request, so each one is rendered rather than answered from an earlier export.
                var options = new { font_size = 8 + n % 7, margins = 5 + n / 7 % 36 };
                var start = clock.Elapsed;
                try
                {
                    using var response = await http.PostJsonAsync("/api/v1/exports/pdf", new { generation_id = generationId, template = "modern", options });
                    // A failure may come from the edge proxy as HTML rather than from the API as JSON.
                    var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                    results.Add(response.StatusCode == HttpStatusCode.Created
                        ? (start, clock.Elapsed, Exported.From(JsonNode.Parse(body)!), null)
                        : (start, clock.Elapsed, null, $"{(int)response.StatusCode} {body}"));
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    results.Add((start, clock.Elapsed, null, exception.Message));
                }
            }
        }

        var clients = Enumerable.Range(0, 4).Select(_ => Task.Run(ClientAsync)).ToList();
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        var killsStarted = clock.Elapsed;
        await deployment.KillAsync("api-1");
        await deployment.KillAsync("renderer-1");
        var killsDone = clock.Elapsed;
        Interlocked.Exchange(ref stopTicks, (killsDone + TimeSpan.FromSeconds(10)).Ticks);
        await Task.WhenAll(clients);

        var all = results.ToList();
        var afterKills = all.Where(result => result.Start > killsDone).ToList();
        Assert.True(afterKills.Count >= 4, $"only {afterKills.Count} requests started after the kills");
        var wronglyFailed = all.Where(result => result.Failure is not null && !(result.Start < killsDone && result.End > killsStarted)).ToList();
        Assert.True(wronglyFailed.Count == 0,
            $"{wronglyFailed.Count} of {all.Count} requests failed that were not in flight at a kill:\n" +
            string.Join('\n', wronglyFailed.Select(result => $"{result.Start.TotalSeconds:F1}s: {result.Failure}")));
        var exported = all.Where(result => result.Export is not null).Select(result => result.Export!).ToList();
        foreach (var export in exported.Where((_, index) => index % 4 == 0))
        {
            await AssertDownloadsAsync(export, "%PDF");
        }
        return exported;
    }

    /// <summary>
    /// Registers through the web front end's own form (anti-forgery token and all), then opens a signed-in page more
    /// times than there are replicas behind the edge's round robin: every replica reads the one cookie.
    /// </summary>
    private static async Task AssertWebFrontEndServesOneSessionFromEveryReplicaAsync(Uri webUrl)
    {
        using var web = WebForms.Client(webUrl);
        using var registered = await WebForms.SubmitAsync(web, "/register", new Dictionary<string, string>
        {
            ["Input.FullName"] = "Jordan Rivera",
            ["Input.Email"] = $"web-{Guid.NewGuid():N}@example.com",
            ["Input.Password"] = "correct horse battery",
        });
        Assert.True(WebForms.IsRedirect(registered),
            $"registering through the web front end: {(int)registered.StatusCode} {await registered.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        for (var request = 0; request < 4; request++)
        {
            using var profile = await web.GetAsync("/profile", TestContext.Current.CancellationToken);
            var page = await profile.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.True(profile.StatusCode == HttpStatusCode.OK && page.Contains("Jordan Rivera", StringComparison.Ordinal),
                $"/profile, request {request + 1}: {(int)profile.StatusCode} {profile.Headers.Location}");
        }
        using var stylesheet = await web.GetAsync("/app.css", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, stylesheet.StatusCode);
    }

    private static async Task<string> SignInAndCreateGenerationAsync(HttpClient http)
    {
        using var registered = await http.PostJsonAsync("/api/v1/auth/register",
            new { email = $"deploy-{Guid.NewGuid():N}@example.com", password = "correct horse battery", full_name = "Jordan Rivera" });
        var account = await registered.ReadJsonAsync();
        Assert.True(registered.StatusCode == HttpStatusCode.Created, account.ToJsonString());
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", account["access_token"]!.GetValue<string>());
        using var job = await http.PostJsonAsync("/api/v1/jobs",
            new { title = "Backend Engineer", company = "Northwind", description = "C#, PostgreSQL, distributed systems" });
        var jobBody = await job.ReadJsonAsync();
        Assert.True(job.StatusCode == HttpStatusCode.Created, jobBody.ToJsonString());
        using var generation = await http.PostJsonAsync("/api/v1/generations", new { job_id = jobBody["id"]!.GetValue<string>() });
        var generationBody = await generation.ReadJsonAsync();
        Assert.True(generation.StatusCode == HttpStatusCode.Created, generationBody.ToJsonString());
        return generationBody["id"]!.GetValue<string>();
    }

    private static async Task<Exported> ExportAsync(HttpClient http, string kind, object request)
    {
        using var response = await http.PostJsonAsync($"/api/v1/exports/{kind}", request);
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{kind}: {(int)response.StatusCode} {body.ToJsonString()}");
        return Exported.From(body);
    }

    /// <summary>Fetches the link the API handed out, from the host, as a user's browser would.</summary>
    private static async Task AssertDownloadsAsync(Exported export, string magic)
    {
        // A link naming the compose network's S3 host (s3:8080) means Storage:S3:PublicServiceUrl was not applied.
        Assert.True(export.DownloadUrl.IsLoopback, $"the download link of {export.Id} does not point at the host: {export.DownloadUrl}");
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var response = await client.GetAsync(export.DownloadUrl, TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"download of {export.Id} from {export.DownloadUrl}: {(int)response.StatusCode}");
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.StartsWith(magic, System.Text.Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 8)));
    }

    private static async Task AssertImagesBuiltAsync(ContainerEngine engine)
    {
        foreach (var name in ImageNames)
        {
            var (exitCode, _) = await ContainerEngine.RunAsync(engine.Command, ["image", "inspect", $"localhost/jobwise-{name}:local"], TimeSpan.FromSeconds(30));
            Assert.True(exitCode == 0, $"the image localhost/jobwise-{name}:local is missing: run ./jobwise images (./jobwise test builds them)");
        }
    }

    private sealed record Exported(string Id, string Format, Uri DownloadUrl)
    {
        public static Exported From(JsonNode body) => new(
            body["id"]!.GetValue<string>(), body["format"]!.GetValue<string>(), new Uri(body["download_url"]!.GetValue<string>()));
    }
}
