using System.Text.Json;
using System.Text.Json.Serialization;
using JobWise.ApiService.Ats;
using JobWise.ApiService.Auth;
using JobWise.ApiService.Exports;
using JobWise.ApiService.Generations;
using JobWise.ApiService.Health;
using JobWise.ApiService.Infrastructure;
using JobWise.ApiService.Jobs;
using JobWise.ApiService.Mail;
using JobWise.ApiService.Profiles;
using JobWise.ApiService.RateLimiting;
using JobWise.ApiService.Rendering;
using JobWise.ApiService.Storage;
using JobWise.ApiService.Tailoring;
using JobWise.ApiService.Validation;
using JobWise.Contracts;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Scalar.AspNetCore;

namespace JobWise.ApiService.Extensions;

public static class ApplicationServiceExtensions
{
    public const string ApiReferenceSetting = "Api:EnableReference";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddTrustedForwardedHeaders();
        builder.AddNpgsqlDbContext<JobWiseDbContext>("jobwise",
            settings => settings.DisableHealthChecks = true,
            options => options.UseSnakeCaseNamingConvention());
        builder.AddRedisClient("cache", settings => settings.DisableHealthChecks = true);
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            // Download links are made fresh when the cache is down: degraded, not unavailable.
            .AddCheck<CacheHealthCheck>("cache", failureStatus: HealthStatus.Degraded);
        builder.AddObjectStorage();
        builder.AddRendererClient();
        builder.AddJobWiseAuth();
        builder.AddJobWiseRateLimiting();
        builder.AddExports();
        builder.AddTailoring();
        builder.AddAts();
        builder.AddMail();

        builder.Services.Configure<JsonOptions>(options =>
        {
            ContractJson.Configure(options.SerializerOptions);
            // Public responses spell out what is unknown (e.g. a DOCX's page_count) as null rather than leave it out.
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
            // Every string of every body is refused here when it is not plain text, with the field's path.
            options.SerializerOptions.Converters.Add(new PlainTextJsonConverter());
        });
        // Body-binding failures throw, so that BadRequestExceptionHandler can name the field.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<BearerSecuritySchemeTransformer>();
            options.AddOperationTransformer<BearerSecuritySchemeTransformer>();
        });
        return builder;
    }

    public static WebApplication MapApplicationApis(this WebApplication app)
    {
        // Resolved now so that a missing or short signing key stops start-up rather than the first sign-in.
        app.Services.GetRequiredService<SigningKey>();
        app.WarnWhenMailIsOff();

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

        app.MapAuthApi();
        app.MapProfileApi();
        app.MapJobsApi();
        app.MapGenerationsApi();
        app.MapExportsApi();
        app.MapExportPreviewApi();
        app.MapLocalDownloadApi();
        app.MapAtsApi();

        app.MapOpenApi().AllowAnonymous();
        if (app.Configuration.GetValue(ApiReferenceSetting, app.Environment.IsDevelopment()))
        {
            app.MapScalarApiReference().AllowAnonymous();
        }
        return app;
    }
}
