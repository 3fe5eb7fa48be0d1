namespace JobWise.ApiService.Ats;

public static class AtsServiceExtensions
{
    public static IHostApplicationBuilder AddAts(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<AtsOptions>(builder.Configuration.GetSection(AtsOptions.SectionName));
        builder.Services.AddScoped<AtsAnalyser>();
        builder.Services.AddSingleton<AtsQueue>();
        builder.Services.AddSingleton<ExportActivity>();
        builder.Services.AddSingleton<TemplateAtsScores>();
        builder.Services.AddHostedService<AtsBackgroundService>();
        return builder;
    }
}
