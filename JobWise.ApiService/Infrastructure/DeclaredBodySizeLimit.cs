using JobWise.ApiService.Validation;
using Microsoft.AspNetCore.Http.Metadata;

namespace JobWise.ApiService.Infrastructure;

/// <summary>
/// Refuses a body whose declared Content-Length is over the endpoint's size limit with a 413 problem before reading
/// it. Kestrel also enforces the limit on bodies without a length; hosts without that feature (tests) rely on this.
/// </summary>
public static class DeclaredBodySizeLimit
{
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
