using JobWise.ApiService.Exports;

namespace JobWise.ApiService.Ats;

public static class AtsServiceExtensions
{
    public static IHostApplicationBuilder AddAts(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<AtsOptions>(AtsOptions.SectionName);
        builder.Services.AddScoped<AtsAnalyser>();
        builder.Services.AddScoped<AtsQueue>();
        builder.Services.AddSingleton<ExportActivity>();
        builder.Services.AddSingleton<TemplateAtsScores>();
        builder.Services.AddSingleton<AtsBacklog>();
        builder.Services.AddHostedService<AtsWorker>();
        return builder;
    }
}
