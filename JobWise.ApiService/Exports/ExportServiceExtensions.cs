namespace JobWise.ApiService.Exports;

public static class ExportServiceExtensions
{
    public static IHostApplicationBuilder AddExports(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<ExportOptions>(ExportOptions.SectionName);
        builder.Services.AddScoped<ExportService>();
        builder.Services.AddScoped<DownloadLinks>();
        builder.Services.AddSingleton<ExportRetentionService>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ExportRetentionService>());
        return builder;
    }
}
