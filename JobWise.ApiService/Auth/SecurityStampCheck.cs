using System.Security.Claims;
using JobWise.ApiService.Infrastructure;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;

namespace JobWise.ApiService.Auth;

/// <summary>Refuses a valid access token whose security stamp is no longer its user's (signed out everywhere, password changed).</summary>
public static class SecurityStampCheck
{
    public static async Task OnTokenValidatedAsync(TokenValidatedContext context)
    {
        var principal = context.Principal;
        if (!Guid.TryParse(principal?.FindFirstValue(JwtRegisteredClaimNames.Sub), out var userId)
            || !Guid.TryParse(principal?.FindFirstValue(SecurityStamps.ClaimType), out var stamp))
        {
            context.Fail("The access token has no security stamp.");
            return;
        }
        var services = context.HttpContext.RequestServices;
        var current = await services.GetRequiredService<SecurityStamps>()
            .IsCurrentAsync(userId, stamp, services.GetRequiredService<JobWiseDbContext>(), context.HttpContext.RequestAborted);
        if (!current)
        {
            context.Fail("The access token was revoked.");
        }
    }
}
