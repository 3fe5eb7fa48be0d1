using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using JobWise.Contracts;

namespace JobWise.Tests.Renderer;

/// <summary>
/// Previews are screenshots of pooled pages; headless Chromium paints only the tab in front, so a screenshot of any
/// other page waited for a frame until the render deadline (30 s, then 503) when previews and prints ran together.
/// </summary>
public sealed class PreviewConcurrencyTests(RendererFactory renderer) : IClassFixture<RendererFactory>
{
    [Fact]
    public async Task Previews_and_prints_in_parallel_all_finish_without_waiting_for_the_deadline()
    {
        var client = renderer.CreateClient();
        string[] templates = ["modern", "classic", "creative", "ats_optimized"];
        var started = Stopwatch.StartNew();
        var calls = Enumerable.Range(0, 16).Select(async i =>
        {
            var request = new RenderRequest
            {
                Content = RendererFactory.SampleResume(),
                Template = templates[i % templates.Length],
                Format = RenderFormats.Pdf,
            };
            var path = i % 4 == 3 ? "/render" : "/render/preview";
            var timer = Stopwatch.StartNew();
            using var response = await client.PostAsJsonAsync(path, request, ContractJson.Options, TestContext.Current.CancellationToken);
            return (Path: path, response.StatusCode, timer.Elapsed);
        }).ToList();
        var results = await Task.WhenAll(calls);

        Assert.All(results, result => Assert.True(result.StatusCode == HttpStatusCode.OK, $"{result.Path}: {result.StatusCode}"));
        // 16 renders over two slots take a few seconds here; one stuck screenshot would hold its slot for 30 s.
        Assert.True(results.Max(result => result.Elapsed) < TimeSpan.FromSeconds(20),
            $"slowest {results.Max(result => result.Elapsed).TotalSeconds:0.0} s of {started.Elapsed.TotalSeconds:0.0} s");
    }
}
