using JobWise.Web.ApiClient;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace JobWise.Web.Session;

/// <summary>Turns the API's token response into the browser's sign-in cookie, and back out again.</summary>
public sealed class SessionSignIn(AuthApiClient auth, IOptions<SessionCookieOptions> options, TimeProvider clock, ILogger<SessionSignIn> logger)
{
    public async Task SignInAsync(HttpContext context, TokenResponse tokens)
    {
        var now = clock.GetUtcNow();
        var properties = new AuthenticationProperties { IsPersistent = true, ExpiresUtc = now + options.Value.Lifetime };
        SessionTokens.Store(properties, tokens, now);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, SessionTokens.PrincipalFor(tokens.User), properties);
    }

    /// <summary>Revokes the refresh token at the API, then drops the cookie; the cookie goes even when the API cannot be reached.</summary>
    public async Task SignOutAsync(HttpContext context)
    {
        var refreshToken = await context.GetTokenAsync(SessionTokens.RefreshToken);
        if (refreshToken is not null)
        {
            try
            {
                await auth.LogoutAsync(refreshToken, context.RequestAborted);
            }
            catch (ApiException exception)
            {
                logger.LogWarning("Signing out: the API did not revoke the refresh token ({Status} {Title})", exception.Status, exception.Title);
            }
        }
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
