namespace JobWise.ApiService.Exports;

public static class ExportServiceExtensions
{
    public static IHostApplicationBuilder AddExports(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<ExportOptions>(ExportOptions.SectionName);
        builder.Services.AddScoped<ExportService>();
        builder.Services.AddScoped<ExportSourceLoader>();
        builder.Services.AddScoped<ExportReuse>();
        builder.Services.AddScoped<BatchZipBuilder>();
        builder.Services.AddScoped<NewExportRows>();
        builder.Services.AddScoped<StoredExportWriter>();
        builder.Services.AddScoped<ExportDeletion>();
        builder.Services.AddScoped<DownloadLinks>();
        builder.Services.AddSingleton<PreviewCache>();
        builder.Services.AddSingleton<ExportRetentionService>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ExportRetentionService>());
        builder.Services.AddSingleton<OrphanFileSweep>();
        builder.Services.AddHostedService(services => services.GetRequiredService<OrphanFileSweep>());
        return builder;
    }
}
