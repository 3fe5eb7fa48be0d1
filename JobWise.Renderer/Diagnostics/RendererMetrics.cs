using System.Diagnostics.Metrics;

namespace JobWise.Renderer.Diagnostics;

/// <summary>The renderer's own OpenTelemetry instruments (meter <see cref="MeterName"/>).</summary>
public sealed class RendererMetrics
{
    public const string MeterName = "JobWise.Renderer";

    private readonly Histogram<double> _renderDuration;
    private readonly Histogram<int> _pages;
    private readonly Counter<long> _browserRestarts;
    private readonly Counter<long> _rejections;
    private Func<int> _queueDepth = () => 0;

    public RendererMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _renderDuration = meter.CreateHistogram<double>("jobwise.renderer.render.duration", "ms", "Time from admission to finished document, by format and template.");
        _pages = meter.CreateHistogram<int>("jobwise.renderer.render.pages", "{page}", "Pages per PDF.");
        _browserRestarts = meter.CreateCounter<long>("jobwise.renderer.browser.restarts", "{restart}", "Chromium launches after the first, by reason (crash, recycle).");
        _rejections = meter.CreateCounter<long>("jobwise.renderer.rejections", "{request}", "Requests refused, by reason.");
        meter.CreateObservableGauge("jobwise.renderer.queue.depth", () => _queueDepth(), "{request}", "Renders waiting for a slot.");
    }

    public void ObserveQueue(Func<int> queueDepth) => _queueDepth = queueDepth;

    public void RecordRender(string format, string template, TimeSpan elapsed) =>
        _renderDuration.Record(elapsed.TotalMilliseconds, new("format", format), new("template", template));

    public void RecordPages(int pages) => _pages.Record(pages);

    public void BrowserRestarted(string reason) => _browserRestarts.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Rejected(string reason) => _rejections.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
