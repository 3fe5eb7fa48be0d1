namespace JobWise.Renderer.Browser;

public static class ChromiumServiceExtensions
{
    public static IHostApplicationBuilder AddChromium(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ChromiumOptions>()
            .Bind(builder.Configuration.GetSection(ChromiumOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<ChromiumHost>();
        builder.Services.AddHealthChecks().AddCheck<ChromiumHealthCheck>("chromium");
        return builder;
    }
}
