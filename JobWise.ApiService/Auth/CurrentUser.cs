using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;

namespace JobWise.ApiService.Auth;

public static class CurrentUser
{
    /// <summary>The signed-in user's id; only called behind RequireAuthorization, where the token carries it.</summary>
    public static Guid GetUserId(this ClaimsPrincipal principal) =>
        Guid.Parse(principal.FindFirstValue(JwtRegisteredClaimNames.Sub)
            ?? throw new InvalidOperationException("The access token has no subject."));
}
