using System.Text.Json;
using JobWise.ApiService.Diagnostics;
using JobWise.ApiService.Model;
using JobWise.ApiService.RateLimiting;
using JobWise.ApiService.Storage;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace JobWise.ApiService.Exports;

public sealed record DownloadLink(Uri Url, DateTimeOffset ExpiresAt);

/// <summary>
/// Download links for exports, cached in Redis until shortly before they expire, so a client that lists every few
/// seconds does not make the API sign every time. When Redis is down links are made fresh and nothing fails. Keys
/// name the user, so that deleting an account can find every link of theirs (<see cref="UserKeyPattern"/>).
/// </summary>
public sealed class DownloadLinks(
    IObjectStorage storage, IConnectionMultiplexer redis, IOptions<StorageOptions> storageOptions,
    IOptions<ExportOptions> exportOptions, TimeProvider clock, ILogger<DownloadLinks> logger)
{
    private const string KeyPrefix = "jobwise:download-link:";

    public async Task<IReadOnlyDictionary<Guid, DownloadLink>> ForAsync(IReadOnlyList<Export> exports)
    {
        var links = new Dictionary<Guid, DownloadLink>(exports.Count);
        if (exports.Count == 0)
        {
            return links;
        }
        using var span = ApiTelemetry.Start(ApiTelemetry.DownloadLink)?.SetTag("jobwise.link.count", exports.Count);
        var now = clock.GetUtcNow();
        var cached = await ReadCachedAsync(exports);
        var fresh = new List<(Export Export, DownloadLink Link)>();
        for (var i = 0; i < exports.Count; i++)
        {
            var link = cached[i];
            if (link is null || link.ExpiresAt - exportOptions.Value.LinkRefreshMargin <= now)
            {
                link = Create(exports[i], now);
                fresh.Add((exports[i], link));
            }
            links[exports[i].Id] = link;
        }
        WriteCached(fresh, now);
        span?.SetTag("jobwise.link.cache_hits", exports.Count - fresh.Count).SetTag("jobwise.link.signed", fresh.Count);
        return links;
    }

    /// <summary>A Redis key pattern matching every cached link of the user's exports.</summary>
    public static string UserKeyPattern(Guid userId) => $"{KeyPrefix}{userId:N}:*";

    private static string KeyOf(Export export) => KeyOf(export.UserId, export.Id);

    private static string KeyOf(Guid userId, Guid exportId) => $"{KeyPrefix}{userId:N}:{exportId:N}";

    public async Task<DownloadLink> ForAsync(Export export) => (await ForAsync([export]))[export.Id];

    /// <summary>Forgets a cached link, e.g. when its export is deleted.</summary>
    public void Forget(Guid userId, Guid exportId)
    {
        try
        {
            redis.GetDatabase().KeyDelete(KeyOf(userId, exportId), CommandFlags.FireAndForget);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            logger.LogDebug(exception, "Could not forget a cached download link");
        }
    }

    private DownloadLink Create(Export export, DateTimeOffset now)
    {
        var expiresAt = now + storageOptions.Value.DownloadLinkLifetime;
        return new DownloadLink(storage.CreateDownloadUrl(export.StorageKey, export.FileName, expiresAt), expiresAt);
    }

    private async Task<DownloadLink?[]> ReadCachedAsync(IReadOnlyList<Export> exports)
    {
        var result = new DownloadLink?[exports.Count];
        try
        {
            // One round trip for a whole page of exports.
            var values = await redis.GetDatabase().StringGetAsync(exports.Select(e => (RedisKey)KeyOf(e)).ToArray());
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i].HasValue)
                {
                    result[i] = JsonSerializer.Deserialize<DownloadLink>(values[i].ToString());
                }
            }
        }
        catch (Exception exception) when (exception is TimeoutException or JsonException || RedisAvailability.IsRedisFailure(exception))
        {
            logger.LogWarning("Download-link cache unavailable, making links fresh: {Message}", exception.Message);
        }
        return result;
    }

    private void WriteCached(List<(Export Export, DownloadLink Link)> fresh, DateTimeOffset now)
    {
        if (fresh.Count == 0)
        {
            return;
        }
        try
        {
            var db = redis.GetDatabase();
            foreach (var (export, link) in fresh)
            {
                var ttl = link.ExpiresAt - exportOptions.Value.LinkRefreshMargin - now;
                if (ttl > TimeSpan.Zero)
                {
                    db.StringSet(KeyOf(export), JsonSerializer.Serialize(link), ttl, flags: CommandFlags.FireAndForget);
                }
            }
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            logger.LogDebug(exception, "Could not cache download links");
        }
    }
}
