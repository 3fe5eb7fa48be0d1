using System.Text.Json;
using System.Text.Json.Serialization;
using JobWise.ApiService.Validation;
using JobWise.Contracts;
using Microsoft.AspNetCore.Http.Json;

namespace JobWise.ApiService.Http;

public static class HttpConventions
{
    /// <summary>How every endpoint reads and writes JSON and reports a bad request: the same everywhere.</summary>
    public static IHostApplicationBuilder AddHttpConventions(this IHostApplicationBuilder builder)
    {
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
        builder.Services.AddExceptionHandler<DependencyOutageExceptionHandler>();
        return builder;
    }
}
