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
