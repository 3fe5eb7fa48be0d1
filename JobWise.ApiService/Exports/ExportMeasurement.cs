using System.Diagnostics;
using JobWise.ApiService.Diagnostics;

namespace JobWise.ApiService.Exports;

/// <summary>
/// The span (<c>export</c> or <c>export batch</c>) and the <c>jobwise.exports</c> / <c>jobwise.export.duration</c>
/// measurements of one export request. Metrics name the template only of exports made, so their series stay few.
/// </summary>
public sealed class ExportMeasurement : IDisposable
{
    private readonly ApiMetrics _metrics;
    private readonly Activity? _span;
    private readonly string _format;
    private readonly long _started = Stopwatch.GetTimestamp();
    private string _template = "";
    private bool _reused;
    private bool _finished;

    public ExportMeasurement(ApiMetrics metrics, string spanName, string format)
    {
        _metrics = metrics;
        _format = format;
        _span = ApiTelemetry.Start(spanName)?.SetTag("jobwise.export.format", format);
    }

    public void ForTemplate(string template)
    {
        _template = template;
        _span?.SetTag("jobwise.export.template", template);
    }

    /// <summary>An identical stored file was shared instead of rendering again.</summary>
    public void Reused() => _reused = true;

    public ExportOutcome Finish(ExportOutcome outcome)
    {
        var name = outcome switch
        {
            ExportOutcome.Created => _reused ? "reused" : "rendered",
            ExportOutcome.Invalid => "invalid",
            ExportOutcome.NotFound => "not_found",
            ExportOutcome.Refused => "refused",
            ExportOutcome.RetryLater => "retry_later",
            _ => "failed",
        };
        if (outcome is ExportOutcome.Created { Export: var export })
        {
            _span?.SetTag("jobwise.export.id", export.Id.ToString());
        }
        if (outcome is ExportOutcome.RetryLater or ExportOutcome.BadGateway)
        {
            _span?.SetStatus(ActivityStatusCode.Error, name);
        }
        Record(name);
        return outcome;
    }

    public void Dispose()
    {
        if (!_finished)
        {
            // An exception ended the request (the caller gave up, or a defect): counted, and marked on the span by ASP.NET Core.
            Record("error");
        }
        _span?.Dispose();
    }

    private void Record(string outcome)
    {
        _finished = true;
        _span?.SetTag("jobwise.export.outcome", outcome).SetTag("jobwise.export.reused", _reused);
        // Requests name templates freely (an unknown one is refused by the renderer): only a made export's names a real one.
        var template = outcome is "rendered" or "reused" ? _template : "";
        _metrics.RecordExport(_format, template, outcome, Stopwatch.GetElapsedTime(_started));
    }
}
