using System.Linq.Expressions;
using JobWise.ApiService.Infrastructure;
using JobWise.ApiService.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JobWise.ApiService.Auth;

/// <summary>
/// Issues, rotates and revokes refresh tokens; only their SHA-256 hashes are stored. Rotation and revocation may
/// race (a refresh and a logout of the same sign-in): whichever order PostgreSQL gives them, no live token is left
/// once a revocation has returned.
/// </summary>
public sealed class RefreshTokenStore(JobWiseDbContext db, IOptions<AuthOptions> options, TimeProvider clock)
{
    /// <summary>
    /// A new token, starting a family (one sign-in) unless <paramref name="familyId"/> continues one, bound to the user's
    /// <paramref name="securityStamp"/>: once the stamp changes, the token is refused.
    /// </summary>
    public string Issue(Guid userId, Guid securityStamp, Guid? familyId = null)
    {
        var (entity, token) = NewToken(userId, securityStamp, familyId ?? Guid.NewGuid());
        db.RefreshTokens.Add(entity);
        return token;
    }

    /// <summary>
    /// Exchanges a live token for a new one of the same family. A token that was already rotated revokes its
    /// whole family; an unknown, expired or revoked token gives null.
    /// </summary>
    public async Task<(Guid UserId, string Token)?> RotateAsync(string presented, CancellationToken cancellationToken)
    {
        var stored = await FindAsync(presented, cancellationToken);
        var now = clock.GetUtcNow();
        if (stored is null || stored.RevokedAt is not null || stored.ExpiresAt <= now)
        {
            return null;
        }
        if (stored.RotatedAt is not null)
        {
            await RevokeAsync(token => token.FamilyId == stored.FamilyId, cancellationToken);
            return null;
        }
        var (successor, token) = NewToken(stored.UserId, stored.SecurityStamp, stored.FamilyId);
        var rotated = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // The claim holds the token's row lock until the successor is committed with it; only one of two
            // concurrent rotations wins, and none wins over a revocation that got there first.
            // A sign-in that began before the user's stamp changed (a login racing a password change) ends here too.
            var claimed = await db.RefreshTokens
                .Where(t => t.Id == stored.Id && t.RotatedAt == null && t.RevokedAt == null && t.ExpiresAt > now)
                .Where(t => db.Users.Any(user => user.Id == t.UserId && user.SecurityStamp == t.SecurityStamp))
                .ExecuteUpdateAsync(setters => setters.SetProperty(t => t.RotatedAt, now), cancellationToken);
            if (claimed == 0)
            {
                return false;
            }
            db.RefreshTokens.Add(successor);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        });
        if (!rotated)
        {
            // Rotated or revoked meanwhile: a second use of one token is a sign of theft.
            await RevokeAsync(t => t.FamilyId == stored.FamilyId, cancellationToken);
            return null;
        }
        return (stored.UserId, token);
    }

    /// <summary>Ends the sign-in the token belongs to; false when the token is unknown.</summary>
    public async Task<bool> RevokeAsync(string presented, CancellationToken cancellationToken)
    {
        var stored = await FindAsync(presented, cancellationToken);
        if (stored is null)
        {
            return false;
        }
        await RevokeAsync(token => token.FamilyId == stored.FamilyId, cancellationToken);
        return true;
    }

    /// <summary>Ends every sign-in of the user ("sign out everywhere", e.g. after a password change).</summary>
    public Task RevokeAllAsync(Guid userId, CancellationToken cancellationToken) =>
        RevokeAsync(token => token.UserId == userId, cancellationToken);

    private async Task RevokeAsync(Expression<Func<RefreshToken, bool>> scope, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // A rotation that has claimed a token but not yet committed its successor holds that token's row: the update
        // waits for it, but its snapshot predates the successor. So repeat until nothing is left to revoke; a rotation
        // still in flight would hold a row this update waits for, so an update that changes nothing has seen them all.
        while (await db.RefreshTokens
            .Where(scope)
            .Where(token => token.RevokedAt == null)
            .ExecuteUpdateAsync(setters => setters.SetProperty(token => token.RevokedAt, now), cancellationToken) > 0)
        {
        }
    }

    private (RefreshToken Entity, string Token) NewToken(Guid userId, Guid securityStamp, Guid familyId)
    {
        var token = OpaqueToken.New();
        var now = clock.GetUtcNow();
        return (new RefreshToken
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            FamilyId = familyId,
            SecurityStamp = securityStamp,
            TokenHash = OpaqueToken.HashOf(token),
            CreatedAt = now,
            ExpiresAt = now + options.Value.RefreshTokenLifetime,
        }, token);
    }

    private Task<RefreshToken?> FindAsync(string presented, CancellationToken cancellationToken)
    {
        var hash = OpaqueToken.HashOf(presented);
        return db.RefreshTokens.AsNoTracking().SingleOrDefaultAsync(token => token.TokenHash == hash, cancellationToken);
    }

}
