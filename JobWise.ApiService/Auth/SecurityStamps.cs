using JobWise.ApiService.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace JobWise.ApiService.Auth;

/// <summary>
/// Whether an access token's security stamp is still its user's, checked on every authenticated request. The stamp
/// read from PostgreSQL is kept in this replica's memory for <see cref="AuthOptions.SecurityStampCacheDuration"/>: a
/// change made here removes it at once, and another replica reads the new stamp when its copy runs out. Memory rather
/// than Redis: a Redis round trip on every request costs more than the rare change it would speed up on other replicas,
/// and the check keeps working with Redis down.
/// </summary>
public sealed class SecurityStamps(IOptions<AuthOptions> options) : IDisposable
{
    public const string ClaimType = "stamp";

    // Bounded: one small entry per user active in the last few seconds.
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    /// <summary>True when <paramref name="stamp"/> is the user's current stamp; false also when the user is gone.</summary>
    public async Task<bool> IsCurrentAsync(Guid userId, Guid stamp, JobWiseDbContext db, CancellationToken cancellationToken)
    {
        if (!_cache.TryGetValue(userId, out Guid? current))
        {
            current = await db.Users.Where(user => user.Id == userId).Select(user => (Guid?)user.SecurityStamp)
                .SingleOrDefaultAsync(cancellationToken);
            var duration = options.Value.SecurityStampCacheDuration;
            if (duration > TimeSpan.Zero)
            {
                _cache.Set(userId, current, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = duration });
            }
        }
        return current == stamp;
    }

    /// <summary>Forgets this replica's copy of the user's stamp, after it changed.</summary>
    public void Forget(Guid userId) => _cache.Remove(userId);

    public void Dispose() => _cache.Dispose();
}
