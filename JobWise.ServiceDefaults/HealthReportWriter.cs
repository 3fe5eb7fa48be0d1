using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Writes a health report as JSON. Every caller gets the overall status; callers from <see cref="HealthEndpointOptions.DetailsAllowedNetworks"/>
/// also get each check's name, status, duration and description. Exception messages and stack traces are never written.
/// </summary>
public static class HealthReportWriter
{
    public static Task WriteJson(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var options = context.RequestServices.GetRequiredService<IOptions<HealthEndpointOptions>>().Value;
        object body = options.AllowsDetailsFor(context.Connection.RemoteIpAddress)
            ? new
            {
                status = report.Status.ToString(),
                duration_ms = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
                checks = report.Entries.ToDictionary(
                    entry => entry.Key,
                    entry => new
                    {
                        status = entry.Value.Status.ToString(),
                        description = entry.Value.Description,
                        duration_ms = Math.Round(entry.Value.Duration.TotalMilliseconds, 1),
                    }),
            }
            : new { status = report.Status.ToString() };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
