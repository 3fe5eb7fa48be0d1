using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using JobWise.ApiService.Diagnostics;
using JobWise.Tests.Exports;
using JobWise.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace JobWise.Tests.Telemetry;

public sealed class ExportMetricsTests(ExportsApiHost host) : IClassFixture<ExportsApiHost>
{
    [Fact]
    public async Task Exports_count_by_format_template_and_outcome_and_time_in_seconds()
    {
        using var recorded = new ExportMeasurements(host.Factory.Services.GetRequiredService<IMeterFactory>());
        var scenario = await ExportScenario.CreateAsync(host);

        using var rendered = await scenario.ExportAsync("pdf", "creative");
        using var reused = await scenario.ExportAsync("pdf", "creative");
        using var invalid = await scenario.ExportAsync("pdf", "");
        Assert.Equal(HttpStatusCode.Created, rendered.StatusCode);
        Assert.Equal(HttpStatusCode.Created, reused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);

        Assert.Equal(1, recorded.Count("pdf", "creative", "rendered"));
        Assert.Equal(1, recorded.Count("pdf", "creative", "reused"));
        // A request's template is a metric tag only once an export was made with it: bad input makes no new series.
        Assert.Equal(1, recorded.Count("pdf", "", "invalid"));
        var seconds = recorded.Durations("pdf", "creative", "rendered");
        Assert.InRange(Assert.Single(seconds), 0.001, 30);
        Assert.True(Assert.Single(recorded.Durations("pdf", "creative", "reused")) < seconds[0], "a reuse hit took as long as a render");
    }

    /// <summary>
    /// What this host's API recorded in <c>jobwise.exports</c> and <c>jobwise.export.duration</c>. Meters are told apart
    /// by the host's meter factory: other test classes' API hosts record under the same names at the same time.
    /// </summary>
    private sealed class ExportMeasurements : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<(string Instrument, double Value, string Key)> _measurements = new();

        public ExportMeasurements(IMeterFactory hostMeters)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == ApiTelemetry.Name && ReferenceEquals(instrument.Meter.Scope, hostMeters)
                    && instrument.Name is "jobwise.exports" or "jobwise.export.duration")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
            _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
            _listener.Start();
        }

        public long Count(string format, string template, string outcome) =>
            (long)_measurements.Where(m => m.Instrument == "jobwise.exports" && m.Key == Key(format, template, outcome)).Sum(m => m.Value);

        public List<double> Durations(string format, string template, string outcome) =>
            _measurements.Where(m => m.Instrument == "jobwise.export.duration" && m.Key == Key(format, template, outcome)).Select(m => m.Value).ToList();

        public void Dispose() => _listener.Dispose();

        private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            string? Tag(ReadOnlySpan<KeyValuePair<string, object?>> all, string name)
            {
                foreach (var tag in all)
                {
                    if (tag.Key == name)
                    {
                        return tag.Value?.ToString();
                    }
                }
                return null;
            }
            _measurements.Enqueue((instrument.Name, value,
                Key(Tag(tags, "jobwise.export.format"), Tag(tags, "jobwise.export.template"), Tag(tags, "jobwise.export.outcome"))));
        }

        private static string Key(string? format, string? template, string? outcome) => $"{format}|{template}|{outcome}";
    }
}
