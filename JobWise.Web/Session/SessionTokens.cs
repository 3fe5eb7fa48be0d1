using System.Globalization;
using System.Security.Claims;
using JobWise.Web.ApiClient;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace JobWise.Web.Session;

/// <summary>
/// The API's tokens live in the sign-in cookie's authentication properties: the cookie is an encrypted ticket, so the
/// browser holds them but cannot read them, and any replica that shares the Data Protection keys can.
/// </summary>
public static class SessionTokens
{
    public const string AccessToken = "access_token";
    public const string RefreshToken = "refresh_token";
    public const string ExpiresAt = "expires_at";

    public static void Store(AuthenticationProperties properties, TokenResponse tokens, DateTimeOffset now)
    {
        properties.StoreTokens(
        [
            new AuthenticationToken { Name = AccessToken, Value = tokens.AccessToken },
            new AuthenticationToken { Name = RefreshToken, Value = tokens.RefreshToken },
            new AuthenticationToken
            {
                Name = ExpiresAt,
                Value = now.AddSeconds(tokens.ExpiresIn).ToString("o", CultureInfo.InvariantCulture),
            },
        ]);
    }

    public static DateTimeOffset? ExpiryOf(AuthenticationProperties properties) =>
        DateTimeOffset.TryParse(properties.GetTokenValue(ExpiresAt), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? at
            : null;

    public static ClaimsPrincipal PrincipalFor(UserResponse user) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new Claim(ClaimTypes.Name, user.FullName),
            new Claim(ClaimTypes.Email, user.Email),
        ],
        CookieAuthenticationDefaults.AuthenticationScheme));
}
