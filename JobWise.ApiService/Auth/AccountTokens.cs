using JobWise.ApiService.Infrastructure;
using JobWise.ApiService.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JobWise.ApiService.Auth;

/// <summary>
/// Single-use tokens sent by mail (password reset, email verification): 256 random bits, stored only as their SHA-256
/// hash, taken at most once and only before they expire.
/// </summary>
public sealed class AccountTokens(JobWiseDbContext db, IOptions<AuthOptions> options, TimeProvider clock)
{
    /// <summary>A new token for the user, saved at once; the token itself exists only in what the caller sends.</summary>
    public async Task<string> IssueAsync(Guid userId, AccountTokenPurpose purpose, CancellationToken cancellationToken)
    {
        var token = OpaqueToken.New();
        var now = clock.GetUtcNow();
        db.AccountTokens.Add(new AccountToken
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            Purpose = purpose,
            TokenHash = OpaqueToken.HashOf(token),
            CreatedAt = now,
            ExpiresAt = now + LifetimeOf(purpose),
        });
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    /// <summary>
    /// Spends the token and gives its user, or null when it is unknown, of another purpose, expired or already spent.
    /// One statement, so that two requests with the same token cannot both succeed; inside the caller's transaction the
    /// token is spent only if what it was for is done too.
    /// </summary>
    public async Task<Guid?> SpendAsync(string presented, AccountTokenPurpose purpose, CancellationToken cancellationToken)
    {
        var hash = OpaqueToken.HashOf(presented);
        var now = clock.GetUtcNow();
        var spent = await db.AccountTokens.FromSql($"""
            UPDATE account_tokens SET used_at = {now}
            WHERE token_hash = {hash} AND purpose = {purpose.ToString()} AND used_at IS NULL AND expires_at > {now}
            RETURNING *
            """).AsNoTracking().ToListAsync(cancellationToken);
        return spent.SingleOrDefault()?.UserId;
    }

    /// <summary>Spends every other live token of the user for <paramref name="purpose"/> (after a reset, older reset links die).</summary>
    public Task SpendAllAsync(Guid userId, AccountTokenPurpose purpose, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.AccountTokens.Where(token => token.UserId == userId && token.Purpose == purpose && token.UsedAt == null)
            .ExecuteUpdateAsync(setters => setters.SetProperty(token => token.UsedAt, now), cancellationToken);
    }

    private TimeSpan LifetimeOf(AccountTokenPurpose purpose) => purpose switch
    {
        AccountTokenPurpose.PasswordReset => options.Value.PasswordResetTokenLifetime,
        _ => options.Value.EmailVerificationTokenLifetime,
    };

}
