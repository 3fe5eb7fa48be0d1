using JobWise.Web.Components;
using JobWise.Web.Session;
using Microsoft.AspNetCore.Mvc;

namespace JobWise.Web.Endpoints;

public static class SessionEndpoints
{
    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        // A form field is bound, so the anti-forgery token is checked (UseAntiforgery) before the handler runs.
        app.MapPost(Routes.SignOut, async (HttpContext context, SessionSignIn session, [FromForm] string? returnUrl) =>
        {
            await session.SignOutAsync(context);
            return TypedResults.LocalRedirect(LocalReturnUrl.Or(returnUrl, Routes.SignIn));
        });
        return app;
    }
}
