using System.Diagnostics;
using System.Diagnostics.Metrics;
using JobWise.ApiService.Ats;

namespace JobWise.ApiService.Diagnostics;

/// <summary>
/// The API's own OpenTelemetry instruments (meter <see cref="ApiTelemetry.Name"/>), named and tagged after the
/// OpenTelemetry semantic conventions: durations in seconds, <c>jobwise.*</c> names, <c>error.type</c> for failures.
/// </summary>
public sealed class ApiMetrics
{
    private readonly Counter<long> _exports;
    private readonly Histogram<double> _exportDuration;
    private readonly Counter<long> _storageErrors;
    private readonly Counter<long> _rateLimitRejections;

    public ApiMetrics(IMeterFactory meterFactory, AtsBacklog atsBacklog)
    {
        var meter = meterFactory.Create(ApiTelemetry.Name);
        _exports = meter.CreateCounter<long>("jobwise.exports", "{export}",
            "Export requests, by format, template and outcome (rendered, reused, invalid, not_found, refused, retry_later, failed, error).");
        _exportDuration = meter.CreateHistogram<double>("jobwise.export.duration", "s",
            "Time to answer an export request, by format, template and outcome.");
        _storageErrors = meter.CreateCounter<long>("jobwise.storage.errors", "{error}",
            "Object-storage operations that failed, by operation and provider.");
        _rateLimitRejections = meter.CreateCounter<long>("jobwise.rate_limit.rejections", "{request}",
            "Requests refused with 429 by a rate limit, by policy.");
        meter.CreateObservableGauge("jobwise.ats.backlog", atsBacklog.Observe, "{report}",
            "ATS reports queued and not yet made (pending_ats_reports), counted at most every few seconds.");
    }

    public void RecordExport(string format, string template, string outcome, TimeSpan elapsed)
    {
        var tags = new TagList
        {
            { "jobwise.export.format", format },
            { "jobwise.export.template", template },
            { "jobwise.export.outcome", outcome },
        };
        _exports.Add(1, tags);
        _exportDuration.Record(elapsed.TotalSeconds, tags);
    }

    public void StorageFailed(string operation, string provider, Exception exception) =>
        _storageErrors.Add(1, new TagList
        {
            { "jobwise.storage.operation", operation },
            { "jobwise.storage.provider", provider },
            { "error.type", exception.GetType().FullName },
        });

    public void RateLimited(string policy) =>
        _rateLimitRejections.Add(1, new KeyValuePair<string, object?>("jobwise.rate_limit.policy", policy));
}
