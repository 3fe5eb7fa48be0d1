using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every JobWise service shares: telemetry, health endpoints, resilience and service discovery.
/// </summary>
public static class Extensions
{
    public const string HealthEndpointPath = "/health";
    public const string ReadinessEndpointPath = "/health/ready";
    public const string AlivenessEndpointPath = "/alive";
    private const string LiveTag = "live";

    /// <param name="telemetryNames">
    /// The service's own <c>ActivitySource</c> and <c>Meter</c> names (one name serves both), e.g. <c>JobWise.Api</c>.
    /// </param>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder, params string[] telemetryNames)
        where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry(telemetryNames);
        builder.AddDefaultHealthChecks();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder, params string[] telemetryNames)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(telemetryNames))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(telemetryNames)
                .AddAspNetCoreInstrumentation(options =>
                    // Probes every few seconds would drown the real traces.
                    options.Filter = context => !IsHealthProbe(context.Request.Path))
                .AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }
        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.AddValidatedOptions<HealthEndpointOptions>(HealthEndpointOptions.SectionName);
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        builder.Services.AddOptions<HealthCheckServiceOptions>()
            .PostConfigure<IOptions<HealthEndpointOptions>>((checks, health) =>
            {
                foreach (var registration in checks.Registrations.Where(r => r.Timeout == Timeout.InfiniteTimeSpan))
                {
                    registration.Timeout = health.Value.CheckTimeout;
                }
            });
        UseCachedHealthReports(builder.Services);
        return builder;
    }

    /// <summary>
    /// Maps /health/ready (readiness: every check), /health (the same, kept for existing callers) and /alive (liveness only)
    /// in every environment: container platforms probe them in production too.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // Probes come without credentials, also where a service requires them by default.
        app.MapHealthChecks(ReadinessEndpointPath, new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteJson }).AllowAnonymous();
        app.MapHealthChecks(HealthEndpointPath, new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteJson }).AllowAnonymous();
        app.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(LiveTag),
            ResponseWriter = HealthReportWriter.WriteJson,
        }).AllowAnonymous();
        return app;
    }

    private static void UseCachedHealthReports(IServiceCollection services)
    {
        var runner = services.Last(service => service.ServiceType == typeof(HealthCheckService));
        services.Remove(runner);
        var runnerType = runner.ImplementationType
            ?? throw new InvalidOperationException("The health check service is expected to be registered by type.");
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<HealthCheckService>(provider => new CachedHealthCheckService(
            (HealthCheckService)ActivatorUtilities.CreateInstance(provider, runnerType),
            provider.GetRequiredService<IOptions<HealthEndpointOptions>>(),
            provider.GetRequiredService<TimeProvider>()));
    }

    private static bool IsHealthProbe(PathString path) =>
        path.StartsWithSegments(HealthEndpointPath) || path.StartsWithSegments(AlivenessEndpointPath);
}
