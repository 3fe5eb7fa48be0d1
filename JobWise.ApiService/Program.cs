using JobWise.ApiService.Accounts;
using JobWise.ApiService.Ats;
using JobWise.ApiService.Auth;
using JobWise.ApiService.Diagnostics;
using JobWise.ApiService.Exports;
using JobWise.ApiService.Generations;
using JobWise.ApiService.Health;
using JobWise.ApiService.Http;
using JobWise.ApiService.Infrastructure;
using JobWise.ApiService.Jobs;
using JobWise.ApiService.Mail;
using JobWise.ApiService.Profiles;
using JobWise.ApiService.RateLimiting;
using JobWise.ApiService.Rendering;
using JobWise.ApiService.Storage;
using JobWise.ApiService.Tailoring;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults(ApiTelemetry.Name);
builder.Services.AddSingleton<ApiMetrics>();
builder.AddTrustedForwardedHeaders();
builder.AddHttpConventions();
builder.AddApiReference();
builder.AddJobWiseDatabase();
// The presigned-URL cache and the shared rate limits; its health is reported by CacheHealthCheck.
builder.AddRedisClient("cache", settings => settings.DisableHealthChecks = true);
builder.AddObjectStorage();
builder.AddRendererClient();
builder.AddApiHealthChecks();
builder.AddJobWiseAuth();
builder.AddJobWiseRateLimiting();
builder.AddExports();
builder.AddTailoring();
builder.AddAts();
builder.AddAccounts();
builder.AddMail();

var app = builder.Build();

if (args.Contains(DatabaseMigrator.MigrateArgument))
{
    return await app.MigrateAndExitAsync();
}

// Resolved now so that a missing or short signing key stops start-up rather than the first sign-in.
app.Services.GetRequiredService<SigningKey>();
app.WarnWhenMailIsOff();

app.UseTrustedForwardedHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}
app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseDeclaredBodySizeLimit();
app.UseAuthentication();
app.UseAuthorization();
// After authorization: the per-user limits partition by the signed-in user.
app.UseRateLimiter();

app.MapDefaultEndpoints();
app.MapAuthApi();
app.MapProfileApi();
app.MapJobsApi();
app.MapGenerationsApi();
app.MapExportsApi();
app.MapExportPreviewApi();
app.MapLocalDownloadApi();
app.MapAtsApi();
app.MapAccountApi();
app.MapApiReference();

await app.MigrateDatabaseAsync();
await app.RunAsync();
return 0;
