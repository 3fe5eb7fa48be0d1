using JobWise.ApiService.Validation;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace JobWise.ApiService.Http;

/// <summary>
/// Refuses a body whose declared Content-Length is over the endpoint's size limit with a 413 problem before reading
/// it. Kestrel also enforces the limit on bodies without a length; hosts without that feature (tests) rely on this.
/// </summary>
public static class DeclaredBodySizeLimit
{
    /// <summary>The largest body the endpoints accept; Kestrel and <see cref="UseDeclaredBodySizeLimit"/> answer 413 above it.</summary>
    public static TBuilder WithMaxBodyBytes<TBuilder>(this TBuilder builder, long maxBytes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequestSizeLimitAttribute(maxBytes));

    public static IApplicationBuilder UseDeclaredBodySizeLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize;
        if (limit is { } max && context.Request.ContentLength > max)
        {
            await Problems.TooLarge(max).ExecuteAsync(context);
            return;
        }
        await next(context);
    });
}
