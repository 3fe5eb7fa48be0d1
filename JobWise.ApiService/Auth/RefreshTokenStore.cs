using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using JobWise.ApiService.Infrastructure;
using JobWise.ApiService.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JobWise.ApiService.Auth;

/// <summary>Issues, rotates and revokes refresh tokens; only their SHA-256 hashes are stored.</summary>
public sealed class RefreshTokenStore(JobWiseDbContext db, IOptions<AuthOptions> options, TimeProvider clock)
{
    private const int TokenBytes = 32;

    /// <summary>A new token, starting a family (one sign-in) unless <paramref name="familyId"/> continues one.</summary>
    public string Issue(Guid userId, Guid? familyId = null)
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));
        var now = clock.GetUtcNow();
        db.RefreshTokens.Add(new RefreshToken
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            FamilyId = familyId ?? Guid.NewGuid(),
            TokenHash = HashOf(token),
            CreatedAt = now,
            ExpiresAt = now + options.Value.RefreshTokenLifetime,
        });
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
            await RevokeFamilyAsync(stored.FamilyId, cancellationToken);
            return null;
        }
        // Only one of two concurrent rotations of the same token may win.
        var claimed = await db.RefreshTokens
            .Where(token => token.Id == stored.Id && token.RotatedAt == null)
            .ExecuteUpdateAsync(setters => setters.SetProperty(token => token.RotatedAt, now), cancellationToken);
        if (claimed == 0)
        {
            await RevokeFamilyAsync(stored.FamilyId, cancellationToken);
            return null;
        }
        var next = Issue(stored.UserId, stored.FamilyId);
        await db.SaveChangesAsync(cancellationToken);
        return (stored.UserId, next);
    }

    /// <summary>Ends the sign-in the token belongs to; false when the token is unknown.</summary>
    public async Task<bool> RevokeAsync(string presented, CancellationToken cancellationToken)
    {
        var stored = await FindAsync(presented, cancellationToken);
        if (stored is null)
        {
            return false;
        }
        await RevokeFamilyAsync(stored.FamilyId, cancellationToken);
        return true;
    }

    private Task<RefreshToken?> FindAsync(string presented, CancellationToken cancellationToken)
    {
        var hash = HashOf(presented);
        return db.RefreshTokens.AsNoTracking().SingleOrDefaultAsync(token => token.TokenHash == hash, cancellationToken);
    }

    private Task<int> RevokeFamilyAsync(Guid familyId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.RefreshTokens
            .Where(token => token.FamilyId == familyId && token.RevokedAt == null)
            .ExecuteUpdateAsync(setters => setters.SetProperty(token => token.RevokedAt, now), cancellationToken);
    }

    private static byte[] HashOf(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
