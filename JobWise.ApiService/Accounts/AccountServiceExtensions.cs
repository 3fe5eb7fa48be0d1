namespace JobWise.ApiService.Accounts;

public static class AccountServiceExtensions
{
    public static IHostApplicationBuilder AddAccounts(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<AccountOptions>(AccountOptions.SectionName);
        builder.Services.AddScoped<AccountDeletionQueue>();
        builder.Services.AddScoped<AccountDeletionSteps>();
        builder.Services.AddScoped<AccountDeletionRunner>();
        builder.Services.AddScoped<AccountDeletionRequests>();
        builder.Services.AddScoped<UserCacheKeys>();
        builder.Services.AddScoped<AccountArchiveBuilder>();
        builder.Services.AddScoped<AccountArchiveService>();
        builder.Services.AddHostedService<AccountDeletionWorker>();
        return builder;
    }
}
