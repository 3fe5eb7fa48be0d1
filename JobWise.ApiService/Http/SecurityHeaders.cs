namespace JobWise.ApiService.Http;

/// <summary>
/// Headers that keep a browser from sniffing, framing or leaking the address of API responses. Set when the
/// response starts, so that error responses (whose headers the exception handler clears) carry them too.
/// </summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = "frame-ancestors 'none'";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
