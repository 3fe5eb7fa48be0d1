using System.Diagnostics.Metrics;

namespace JobWise.Renderer.Diagnostics;

/// <summary>
/// The renderer's own OpenTelemetry instruments (meter <see cref="MeterName"/>), named and tagged after the
/// OpenTelemetry semantic conventions: durations in seconds, <c>jobwise.*</c> names.
/// </summary>
public sealed class RendererMetrics
{
    public const string MeterName = RendererTelemetry.Name;

    private readonly Histogram<double> _renderDuration;
    private readonly Histogram<double> _queueWait;
    private readonly Histogram<int> _pages;
    private readonly Counter<long> _browserLaunches;
    private readonly Counter<long> _browserRestarts;
    private readonly Counter<long> _rejections;
    private Func<int> _queueDepth = () => 0;

    public RendererMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _renderDuration = meter.CreateHistogram<double>("jobwise.renderer.render.duration", "s", "Time from admission to finished document, by format and template.");
        _queueWait = meter.CreateHistogram<double>("jobwise.renderer.queue.wait", "s", "Time a render waited for a free slot.");
        _pages = meter.CreateHistogram<int>("jobwise.renderer.render.pages", "{page}", "Pages per PDF.");
        _browserLaunches = meter.CreateCounter<long>("jobwise.renderer.browser.launches", "{launch}", "Chromium processes launched (the first one included).");
        _browserRestarts = meter.CreateCounter<long>("jobwise.renderer.browser.restarts", "{restart}", "Chromium processes replaced, by reason (crash, recycle).");
        _rejections = meter.CreateCounter<long>("jobwise.renderer.rejections", "{request}", "Requests refused, by reason.");
        meter.CreateObservableGauge("jobwise.renderer.queue.depth", () => _queueDepth(), "{request}", "Renders waiting for a slot.");
    }

    public void ObserveQueue(Func<int> queueDepth) => _queueDepth = queueDepth;

    public void RecordRender(string format, string template, TimeSpan elapsed) =>
        _renderDuration.Record(elapsed.TotalSeconds, new("jobwise.render.format", format), new("jobwise.render.template", template));

    public void RecordQueueWait(TimeSpan waited) => _queueWait.Record(waited.TotalSeconds);

    public void RecordPages(int pages) => _pages.Record(pages);

    public void BrowserLaunched() => _browserLaunches.Add(1);

    public void BrowserRestarted(string reason) => _browserRestarts.Add(1, new KeyValuePair<string, object?>("jobwise.restart.reason", reason));

    public void Rejected(string reason) => _rejections.Add(1, new KeyValuePair<string, object?>("jobwise.rejection.reason", reason));
}
