using JobWise.ApiService.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace JobWise.ApiService.Auth;

/// <summary>
/// Ends every sign-in of a user: a new security stamp (so access tokens issued before stop working on the next request)
/// and every refresh token revoked. Used by sign out everywhere, a password change and a password reset.
/// </summary>
public sealed class SignOutEverywhere(JobWiseDbContext db, RefreshTokenStore refreshTokens, SecurityStamps stamps)
{
    /// <summary>
    /// Renews the stamp inside the caller's transaction when there is one (so a password and its stamp change together),
    /// then revokes the refresh tokens. Returns the new stamp.
    /// </summary>
    public async Task<Guid> ApplyAsync(Guid userId, CancellationToken cancellationToken)
    {
        var stamp = Guid.NewGuid();
        await db.Users.Where(user => user.Id == userId)
            .ExecuteUpdateAsync(setters => setters.SetProperty(user => user.SecurityStamp, stamp), cancellationToken);
        stamps.Forget(userId);
        await refreshTokens.RevokeAllAsync(userId, cancellationToken);
        return stamp;
    }

    /// <summary>Forgets the cached stamp again once the caller's transaction has committed, so no replica-local read in between lingers.</summary>
    public void Committed(Guid userId) => stamps.Forget(userId);
}
