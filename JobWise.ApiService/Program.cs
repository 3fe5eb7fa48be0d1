using JobWise.ApiService.Diagnostics;
using JobWise.ApiService.Extensions;
using JobWise.ApiService.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults(ApiTelemetry.Name);
builder.AddApplicationServices();

var app = builder.Build();

if (args.Contains(DatabaseMigrator.MigrateArgument))
{
    return await app.MigrateAndExitAsync();
}

app.UseTrustedForwardedHeaders();
app.MapDefaultEndpoints();
app.MapApplicationApis();

await app.MigrateDatabaseAsync();
await app.RunAsync();
return 0;
