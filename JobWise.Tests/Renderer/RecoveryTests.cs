using System.Diagnostics;
using System.Net;
using System.Text;
using JobWise.Contracts;

namespace JobWise.Tests.Renderer;

/// <summary>Runs with two slots and Chromium recycled every few renders.</summary>
public sealed class RecoveryTests(RecyclingRendererFactory renderer) : IClassFixture<RecyclingRendererFactory>
{
    [Fact]
    public async Task Every_render_of_a_burst_succeeds_when_chromium_is_killed_mid_burst()
    {
        // Warm up, so there is a Chromium to kill.
        using (var warm = await renderer.RenderAsync(new RenderRequest { Content = RendererFactory.SampleResume(), Template = "modern" }, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }
        var victim = renderer.Chromium.Current!;
        var pid = victim.Browser.Process!.Id;

        var burst = Enumerable.Range(0, 12)
            .Select(index => renderer.RenderAsync(new RenderRequest { Content = RendererFactory.SampleResume(), Template = index % 2 == 0 ? "modern" : "ats_optimized" }, TestContext.Current.CancellationToken))
            .ToList();
        await Task.Delay(60, TestContext.Current.CancellationToken);
        using (var process = Process.GetProcessById(pid))
        {
            process.Kill();
        }
        var responses = await Task.WhenAll(burst);
        foreach (var response in responses)
        {
            var body = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {Encoding.UTF8.GetString(body)}");
            Assert.Contains("alexandrachen", PdfInspection.Text(body));
            response.Dispose();
        }
        Assert.True(renderer.Chromium.Current is null || renderer.Chromium.Current.Generation > victim.Generation);
    }

    [Fact]
    public async Task No_render_waits_for_a_dead_chromium_when_it_is_killed_ten_times_under_load()
    {
        const int Kills = 10;
        var cancellation = TestContext.Current.CancellationToken;
        using (var warm = await renderer.RenderAsync(new RenderRequest { Content = RendererFactory.SampleResume(), Template = "modern" }, cancellation))
        {
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }
        var launchesBefore = renderer.Chromium.Launches;
        var outcomes = new System.Collections.Concurrent.ConcurrentBag<(HttpStatusCode Status, TimeSpan Elapsed, string Body)>();
        using var killsDone = CancellationTokenSource.CreateLinkedTokenSource(cancellation);

        // Four clients keep both slots busy and two renders queued, so every kill lands on renders in flight.
        var clients = Enumerable.Range(0, 4).Select(client => Task.Run(async () =>
        {
            for (var index = 0; !killsDone.IsCancellationRequested; index++)
            {
                var started = Stopwatch.StartNew();
                using var response = await renderer.RenderAsync(new RenderRequest { Content = RendererFactory.SampleResume(), Template = (client + index) % 2 == 0 ? "modern" : "ats_optimized" }, cancellation);
                var body = response.IsSuccessStatusCode ? "" : await response.Content.ReadAsStringAsync(cancellation);
                outcomes.Add((response.StatusCode, started.Elapsed, body));
            }
        }, cancellation)).ToList();

        var lastVictim = 0;
        for (var kills = 0; kills < Kills;)
        {
            var victim = await WaitForServingChromiumAsync(after: lastVictim, cancellation);
            lastVictim = victim.Generation;
            if (TryKill(victim.Browser.Process!.Id))
            {
                kills++;
            }
        }
        killsDone.Cancel();
        await Task.WhenAll(clients);

        var failures = outcomes.Where(outcome => outcome.Status != HttpStatusCode.OK).ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures.Select(failure => $"{failure.Status} after {failure.Elapsed}: {failure.Body}")));
        var slowest = outcomes.Max(outcome => outcome.Elapsed);
        Assert.True(slowest < TimeSpan.FromSeconds(5), $"The slowest of {outcomes.Count} renders took {slowest}.");
        Assert.True(renderer.Chromium.Launches >= launchesBefore + Kills, $"{renderer.Chromium.Launches - launchesBefore} launches for {Kills} kills.");
    }

    /// <summary>False when the process had already gone (a recycle may close it first).</summary>
    private static bool TryKill(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
            return true;
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// The Chromium launched after generation <paramref name="after"/> once it has finished more renders than there are slots,
    /// so that a kill hits a process in use and a render retried onto it has had its turn.
    /// </summary>
    private async Task<JobWise.Renderer.Browser.BrowserInstance> WaitForServingChromiumAsync(int after, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (renderer.Chromium.Current is { IsUsable: true, Renders: > 2 } current && current.Generation > after)
            {
                return current;
            }
            await Task.Delay(20, cancellationToken);
        }
    }

    [Fact]
    public async Task Chromium_is_recycled_after_the_configured_number_of_renders()
    {
        using (var first = await renderer.RenderAsync(new RenderRequest { Content = RendererFactory.SampleResume(), Template = "classic" }, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }
        // A recycle may just have retired the process, so count launches rather than read the current one.
        var launches = renderer.Chromium.Launches;
        for (var index = 0; index < RecyclingRendererFactory.RecycleAfterRenders + 1; index++)
        {
            using var response = await renderer.RenderAsync(new RenderRequest { Content = RendererFactory.SampleResume(), Template = "classic" }, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        Assert.True(renderer.Chromium.Launches > launches, "Chromium was not replaced.");
    }
}
