using JobWise.ApiService.Health;

namespace JobWise.ApiService.Rendering;

public static class RendererServiceExtensions
{
    public static IHostApplicationBuilder AddRendererClient(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpClient<RendererClient>(client =>
            client.BaseAddress = new Uri(builder.Configuration["Renderer:Url"] ?? RendererClient.ServiceUri));
        // Exports need the renderer, the rest of the API does not: report it without taking the API out of rotation.
        builder.Services.AddHealthChecks().AddCheck<RendererHealthCheck>("renderer", failureStatus: Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded);
        return builder;
    }
}
