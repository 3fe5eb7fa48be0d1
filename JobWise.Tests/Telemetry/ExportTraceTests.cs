using System.Diagnostics;
using System.Net;
using JobWise.ApiService.Diagnostics;
using JobWise.Renderer.Diagnostics;
using JobWise.Tests.Exports;
using JobWise.Tests.Infrastructure;

namespace JobWise.Tests.Telemetry;

public sealed class ExportTraceTests(TracedExportsHost host) : IClassFixture<TracedExportsHost>
{
    private static readonly TimeSpan SpanWait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_pdf_export_is_one_trace_from_the_api_through_the_renderer_queue_and_print_to_storage()
    {
        var scenario = await ExportScenario.CreateAsync(host);
        using var response = await scenario.ExportAsync("pdf", "modern");
        var export = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, export.ToJsonString());
        var exportId = export["id"]!.GetValue<string>();

        var trace = await WaitForTraceAsync(exportId);
        var exportSpan = trace.Single(s => s.Source.Name == ApiTelemetry.Name && s.DisplayName == ApiTelemetry.Export);
        var render = Assert.Single(trace, s => s.Source.Name == RendererTelemetry.Name && s.DisplayName == RendererTelemetry.Render);
        var queueWait = Assert.Single(trace, s => s.DisplayName == RendererTelemetry.QueueWait);
        var print = Assert.Single(trace, s => s.DisplayName == RendererTelemetry.ChromiumPrint);
        var put = Assert.Single(trace, s => s.DisplayName == ApiTelemetry.Storage("put"));

        // api export → HTTP client call → the renderer's request → render: the trace crossed the process boundary.
        var rendererRequest = Parent(trace, render);
        Assert.Equal(ActivityKind.Server, rendererRequest.Kind);
        var apiCall = Parent(trace, rendererRequest);
        Assert.Equal(ActivityKind.Client, apiCall.Kind);
        Assert.Same(exportSpan, Parent(trace, apiCall));
        Assert.Equal("pdf", render.GetTagItem("jobwise.render.format"));
        Assert.Equal("modern", render.GetTagItem("jobwise.render.template"));
        Assert.Equal("rendered", exportSpan.GetTagItem("jobwise.export.outcome"));

        // The render's own steps, and the store after it, each with its duration.
        Assert.Same(render, Parent(trace, queueWait));
        Assert.Same(render, Parent(trace, print));
        Assert.Same(exportSpan, Parent(trace, put));
        Assert.Equal(put.GetTagItem("jobwise.storage.key"), $"exports/{scenario.User.Id:N}/{Guid.Parse(exportId):N}.pdf");
        foreach (var span in new[] { exportSpan, render, queueWait, print, put })
        {
            Assert.True(span.Duration > TimeSpan.Zero, $"{span.DisplayName} has no duration");
        }
        Assert.True(print.Duration > queueWait.Duration || queueWait.Duration < TimeSpan.FromMilliseconds(50),
            $"an idle renderer made a render wait {queueWait.Duration.TotalMilliseconds} ms for a slot");
        Assert.True(queueWait.StartTimeUtc >= render.StartTimeUtc && print.StartTimeUtc >= queueWait.StartTimeUtc + queueWait.Duration);
        Assert.True(End(print) <= End(render) && End(render) <= End(exportSpan));
        Assert.True(put.StartTimeUtc >= End(apiCall), "the file was stored before the render came back");
        Assert.True(render.Duration >= print.Duration + queueWait.Duration && exportSpan.Duration >= render.Duration + put.Duration);
    }

    [Fact]
    public async Task A_repeated_identical_export_is_traced_as_a_reuse_hit_without_a_render()
    {
        var scenario = await ExportScenario.CreateAsync(host);
        using var first = await scenario.ExportAsync("docx", "classic");
        using var second = await scenario.ExportAsync("docx", "classic");
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);

        var trace = await WaitForTraceAsync((await second.ReadJsonAsync())["id"]!.GetValue<string>());
        var exportSpan = trace.Single(s => s.DisplayName == ApiTelemetry.Export);
        Assert.Equal("reused", exportSpan.GetTagItem("jobwise.export.outcome"));
        Assert.Equal(true, exportSpan.GetTagItem("jobwise.export.reused"));
        Assert.DoesNotContain(trace, s => s.Source.Name == RendererTelemetry.Name);
        Assert.DoesNotContain(trace, s => s.DisplayName == ApiTelemetry.Storage("put"));
    }

    /// <summary>
    /// The spans of the trace whose export span made <paramref name="exportId"/>, once the renderer's request span has
    /// ended too (it ends a moment after the API has its answer). Other test classes trace into the same sources at
    /// the same time, so spans are chosen by trace id.
    /// </summary>
    private async Task<IReadOnlyList<Activity>> WaitForTraceAsync(string exportId)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var spans = host.Spans.Snapshot();
            var exportSpan = spans.SingleOrDefault(s => s.DisplayName == ApiTelemetry.Export && Equals(s.GetTagItem("jobwise.export.id")?.ToString(), exportId));
            if (exportSpan is not null)
            {
                var trace = spans.Where(s => s.TraceId == exportSpan.TraceId).ToList();
                var complete = trace.Where(s => s.Source.Name == RendererTelemetry.Name).All(s => trace.Any(p => p.SpanId == s.ParentSpanId));
                if (complete && trace.All(s => s.ParentSpanId == default || trace.Any(p => p.SpanId == s.ParentSpanId) || s.Kind == ActivityKind.Server))
                {
                    return trace;
                }
            }
            Assert.True(deadline.Elapsed < SpanWait, $"the spans of export {exportId} were not all exported within {SpanWait}");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    private static Activity Parent(IReadOnlyList<Activity> trace, Activity span) =>
        Assert.Single(trace, s => s.SpanId == span.ParentSpanId);

    private static DateTime End(Activity span) => span.StartTimeUtc + span.Duration;
}
