namespace JobWise.ApiService.Rendering;

public static class RendererServiceExtensions
{
    public const string TimeoutSetting = "Renderer:Timeout";

    public static IHostApplicationBuilder AddRendererClient(this IHostApplicationBuilder builder)
    {
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<RendererEndpoints>();
#pragma warning disable EXTEXP0001 // Experimental, but the one way to opt a client out of the shared resilience defaults.
        builder.Services.AddHttpClient<RendererClient>(client =>
            {
                client.BaseAddress = new Uri(builder.Configuration["Renderer:Url"] ?? RendererClient.ServiceUri);
                client.Timeout = builder.Configuration.GetValue(TimeoutSetting, TimeSpan.FromSeconds(60));
            })
            // The renderer sheds load with 429/503 on purpose: retrying here would only add to the queue it refused.
            // RendererClient itself sends a refused render to another replica, once, and only when none began it.
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        return builder;
    }
}
