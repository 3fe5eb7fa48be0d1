using JobWise.Web.ApiClient;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace JobWise.Web.Session;

/// <summary>
/// On every request with the cookie: when the access token is about to expire, rotate it with the refresh token at the
/// API and re-issue the cookie; when the API refuses the refresh token (revoked, expired), end the session.
/// </summary>
public sealed class RefreshingCookieEvents(AuthApiClient auth, IOptions<SessionCookieOptions> options, TimeProvider clock, ILogger<RefreshingCookieEvents> logger)
    : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var now = clock.GetUtcNow();
        var expiresAt = SessionTokens.ExpiryOf(context.Properties);
        if (expiresAt is { } at && at - now > options.Value.RefreshBeforeExpiry)
        {
            return;
        }
        var refreshToken = context.Properties.GetTokenValue(SessionTokens.RefreshToken);
        if (refreshToken is null)
        {
            await EndAsync(context);
            return;
        }
        try
        {
            var tokens = await auth.RefreshAsync(refreshToken, context.HttpContext.RequestAborted);
            SessionTokens.Store(context.Properties, tokens, now);
            context.ShouldRenew = true;
        }
        catch (ApiException exception) when (exception.Status is StatusCodes.Status400BadRequest or StatusCodes.Status401Unauthorized)
        {
            logger.LogInformation("The API refused the session's refresh token; signing out");
            await EndAsync(context);
        }
        catch (ApiException exception)
        {
            // The API is busy or down: keep the session; the page says when to try again.
            logger.LogWarning("Refreshing the access token failed with {Status}; the session is kept", exception.Status);
        }
    }

    private static async Task EndAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
