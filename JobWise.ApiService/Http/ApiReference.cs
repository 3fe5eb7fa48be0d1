using Scalar.AspNetCore;

namespace JobWise.ApiService.Http;

public static class ApiReference
{
    public const string EnableSetting = "Api:EnableReference";

    public static IHostApplicationBuilder AddApiReference(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<BearerSecuritySchemeTransformer>();
            options.AddOperationTransformer<BearerSecuritySchemeTransformer>();
        });
        return builder;
    }

    /// <summary>The OpenAPI document always; the Scalar reference in Development or when <c>Api:EnableReference</c> is set.</summary>
    public static WebApplication MapApiReference(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        if (app.Configuration.GetValue(EnableSetting, app.Environment.IsDevelopment()))
        {
            app.MapScalarApiReference().AllowAnonymous();
        }
        return app;
    }
}
