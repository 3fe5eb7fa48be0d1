using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Amazon.S3.Model;
using JobWise.Tests.Infrastructure;
using Npgsql;

namespace JobWise.Tests.Exports;

/// <summary>
/// Issue 10's "done when": clients export for a minute while Chromium is killed again and again and PostgreSQL, S3
/// and Redis are each stopped and started once. No request outlives its deadline, every 201 downloads the same bytes,
/// failures are 429/503 with Retry-After, and afterwards stored files and rows match one to one.
/// </summary>
public sealed class FaultToleranceTests(FaultStack stack) : IClassFixture<FaultStack>
{
    private const int Clients = 4;
    private static readonly TimeSpan LoadDuration = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ClientDeadline = FaultStack.RenderTimeout + TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(2);

    private sealed record Call(string Kind, int Status, bool HasRetryAfter, TimeSpan Elapsed, string? Error, JsonNode? Export, byte[]? Downloaded);

    [Fact]
    public async Task Exports_under_chromium_kills_and_database_storage_and_cache_restarts_stay_bounded_downloadable_and_without_orphans()
    {
        var scenarios = await Task.WhenAll(Enumerable.Range(0, Clients).Select(i => ExportScenario.CreateAsync(NewApiClient(), $"Company {i}")));
        var calls = new ConcurrentBag<Call>();
        using var loadEnds = new CancellationTokenSource(LoadDuration);
        var load = scenarios.Select((scenario, i) => Task.Run(() => ExportUntilAsync(scenario, i, calls, loadEnds.Token))).ToList();
        var faults = await InjectFaultsAsync(loadEnds.Token);
        await Task.WhenAll(load);

        var all = calls.ToList();
        var created = all.Where(c => c.Status == (int)HttpStatusCode.Created).ToList();
        var summary = $"{all.Count} requests ({Count(all, "pdf")} pdf, {Count(all, "docx")} docx, {Count(all, "reuse")} repeated); statuses "
            + string.Join(", ", all.GroupBy(c => c.Error is null ? c.Status.ToString() : "no answer").OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}"))
            + $"; slowest {all.Max(c => c.Elapsed).TotalSeconds:F1} s; {faults}";
        TestContext.Current.TestOutputHelper?.WriteLine(summary);
        if (Environment.GetEnvironmentVariable("JOBWISE_FAULT_SUMMARY") is { Length: > 0 } summaryFile)
        {
            await File.WriteAllTextAsync(summaryFile, summary, TestContext.Current.CancellationToken);
        }

        Assert.True(faults.ChromiumKills >= 10, summary);
        Assert.True(created.Count >= Clients, summary);
        Assert.All(all, call => Assert.True(call.Error is null, $"{call.Kind}: {call.Error} after {call.Elapsed.TotalSeconds:F1} s. {summary}"));
        Assert.All(all, call => Assert.True(call.Elapsed < ClientDeadline, $"{call.Kind} took {call.Elapsed.TotalSeconds:F1} s. {summary}"));
        Assert.All(all.Where(c => c.Status != (int)HttpStatusCode.Created), call => Assert.True(
            call.Status is 429 or 503 ? call.HasRetryAfter : call.Status is >= 400 and < 500,
            $"{call.Kind}: {call.Status}, Retry-After {(call.HasRetryAfter ? "present" : "missing")}. {summary}"));

        using var plain = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        foreach (var call in created)
        {
            var bytes = await plain.GetByteArrayAsync(call.Export!["download_url"]!.GetValue<string>(), TestContext.Current.CancellationToken);
            Assert.Equal(call.Export["file_size_bytes"]!.GetValue<long>(), bytes.Length);
            if (call.Downloaded is not null)
            {
                Assert.Equal(call.Downloaded, bytes);
            }
        }

        // A row must never lack its file. A file may lack its row only where its compensation could not run (the
        // database or storage was down just then); the orphan sweep, here run by a second replica, removes those.
        var named = await NamedKeysAsync();
        var storedBefore = await StoredKeysAsync();
        Assert.True(!named.Except(storedBefore).Any(), $"Rows without their file: {string.Join(", ", named.Except(storedBefore))}");
        var swept = await stack.SweepOrphansFromSecondReplicaAsync();
        var stored = await StoredKeysAsync();
        var orphanNote = $"{storedBefore.Except(named).Count()} files without a row after the run; the orphan sweep removed {swept}";
        TestContext.Current.TestOutputHelper?.WriteLine(orphanNote);
        if (Environment.GetEnvironmentVariable("JOBWISE_FAULT_SUMMARY") is { Length: > 0 } orphanFile)
        {
            await File.AppendAllTextAsync(orphanFile, "; " + orphanNote, TestContext.Current.CancellationToken);
        }
        Assert.True(!stored.Except(named).Any(), $"Files without a row after the orphan sweep: {string.Join(", ", stored.Except(named))}");
        Assert.True(!named.Except(stored).Any(), $"Rows without their file after the orphan sweep: {string.Join(", ", named.Except(stored))}");
    }

    private static int Count(List<Call> calls, string kind) => calls.Count(c => c.Kind == kind);

    private HttpClient NewApiClient() => new() { BaseAddress = new Uri(stack.Api.Url), Timeout = ClientDeadline };

    /// <summary>One client: mostly new PDFs (a fresh accent colour each, so each renders), some DOCX, some repeats of an earlier PDF.</summary>
    private static async Task ExportUntilAsync(ExportScenario scenario, int seed, ConcurrentBag<Call> calls, CancellationToken loadEnds)
    {
        var random = new Random(seed);
        var earlier = new List<string>();
        using var downloads = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        while (!loadEnds.IsCancellationRequested)
        {
            var roll = random.Next(10);
            var (kind, format, colour) = roll switch
            {
                < 2 when earlier.Count > 0 => ("reuse", "pdf", earlier[random.Next(earlier.Count)]),
                < 4 => ("docx", "docx", $"#{random.Next(0x1000000):X6}"),
                _ => ("pdf", "pdf", $"#{random.Next(0x1000000):X6}"),
            };
            var watch = Stopwatch.StartNew();
            try
            {
                // No cancellation but the client's own timeout: the deadline is what is measured.
                using var response = await scenario.User.Client.PostAsJsonAsync($"/api/v1/exports/{format}",
                    new { generation_id = scenario.GenerationId, template = "modern", options = new { accent_color = colour } },
                    ApiClientExtensions.Json, CancellationToken.None);
                var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(CancellationToken.None) is { Length: > 0 } text ? text : "{}");
                watch.Stop();
                byte[]? downloaded = null;
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    if (format == "pdf")
                    {
                        earlier.Add(colour);
                    }
                    downloaded = await TryDownloadAsync(downloads, body!["download_url"]!.GetValue<string>());
                }
                else
                {
                    await Task.Delay(200, CancellationToken.None);
                }
                calls.Add(new Call(kind, (int)response.StatusCode, response.Headers.RetryAfter is not null, watch.Elapsed, null, body, downloaded));
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                calls.Add(new Call(kind, 0, false, watch.Elapsed, exception.GetType().Name + ": " + exception.Message, null, null));
            }
        }
    }

    /// <summary>The bytes right away, or null when storage is down at this moment (they are compared after the run).</summary>
    private static async Task<byte[]?> TryDownloadAsync(HttpClient client, string url)
    {
        try
        {
            return await client.GetByteArrayAsync(url, CancellationToken.None);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    private sealed record FaultLog(int ChromiumKills, IReadOnlyList<string> Restarts)
    {
        public override string ToString() => $"Chromium killed {ChromiumKills}×; restarted {string.Join(", ", Restarts)}";
    }

    /// <summary>Kills this renderer's Chromium every few seconds, and stops and starts PostgreSQL, S3 and Redis once each.</summary>
    private async Task<FaultLog> InjectFaultsAsync(CancellationToken loadEnds)
    {
        var watch = Stopwatch.StartNew();
        var restarts = new List<string>();
        (double At, string Name, Func<Task> Stop, Func<Task> Probe, Func<Task> Start)[] outages =
        [
            (12, "PostgreSQL", stack.Postgres.StopAsync, ProbePostgresAsync, stack.Postgres.StartAsync),
            (26, "S3", stack.S3.StopAsync, ProbeS3Async, stack.S3.StartAsync),
            (40, "Redis", stack.Redis.StopAsync, ProbeRedisAsync, stack.Redis.StartAsync),
        ];
        var kills = 0;
        var nextKill = 2.0;
        var nextOutage = 0;
        while (!loadEnds.IsCancellationRequested)
        {
            var now = watch.Elapsed.TotalSeconds;
            if (nextOutage < outages.Length && now >= outages[nextOutage].At)
            {
                var outage = outages[nextOutage++];
                var down = Stopwatch.StartNew();
                await outage.Stop();
                // The outage is real: a fresh connection of our own is refused.
                await Assert.ThrowsAnyAsync<Exception>(outage.Probe);
                await Task.Delay(Outage, CancellationToken.None);
                await outage.Start();
                await outage.Probe();
                restarts.Add($"{outage.Name} at {now:F0} s (refused, back after {down.Elapsed.TotalSeconds:F1} s)");
            }
            else if (now >= nextKill)
            {
                // Right after a kill the renderer may still be launching the next Chromium: try again shortly.
                var killed = ChromiumProcesses.KillBrowsersOf(stack.Renderer.ProcessId);
                kills += killed > 0 ? 1 : 0;
                nextKill = killed > 0 ? now + 4 : now + 0.5;
            }
            await Task.Delay(100, CancellationToken.None);
        }
        return new FaultLog(kills, restarts);
    }

    private async Task ProbePostgresAsync()
    {
        await using var connection = new NpgsqlConnection(stack.ConnectionString + ";Pooling=false;Timeout=2");
        await connection.OpenAsync(CancellationToken.None);
    }

    private async Task ProbeS3Async()
    {
        using var s3 = stack.S3.CreateClient();
        await s3.ListBucketsAsync(CancellationToken.None);
    }

    private async Task ProbeRedisAsync()
    {
        await using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{stack.Redis.Port},connectTimeout=1000");
        await redis.GetDatabase().PingAsync();
    }

    private async Task<HashSet<string>> NamedKeysAsync()
    {
        var keys = new HashSet<string>();
        await using var connection = new NpgsqlConnection(stack.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SELECT storage_key FROM exports", connection);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            keys.Add(reader.GetString(0));
        }
        return keys;
    }

    private async Task<HashSet<string>> StoredKeysAsync()
    {
        using var s3 = stack.S3.CreateClient();
        var keys = new HashSet<string>();
        var request = new ListObjectsV2Request { BucketName = FaultStack.Bucket, Prefix = "exports/" };
        ListObjectsV2Response page;
        do
        {
            page = await s3.ListObjectsV2Async(request, TestContext.Current.CancellationToken);
            keys.UnionWith((page.S3Objects ?? []).Select(o => o.Key));
            request.ContinuationToken = page.NextContinuationToken;
        }
        while (page.IsTruncated == true);
        return keys;
    }
}
