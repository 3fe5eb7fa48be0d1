namespace JobWise.Renderer.Browser;

public static class ChromiumServiceExtensions
{
    public static IHostApplicationBuilder AddChromium(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<ChromiumOptions>(ChromiumOptions.SectionName);
        builder.Services.AddSingleton<ChromiumHost>();
        builder.Services.AddHealthChecks().AddCheck<ChromiumHealthCheck>("chromium");
        return builder;
    }
}
