using Microsoft.Extensions.Caching.Memory;

namespace JobWise.ApiService.Exports;

/// <summary>
/// Page-1 previews already made, by the user and the fingerprint of the render request (options resolved against the
/// template's defaults), so that going back to an option already seen costs no render. In this replica's memory, bounded
/// in bytes: a preview is cheap to make again, and nothing else depends on it.
/// </summary>
public sealed class PreviewCache : IDisposable
{
    public const string Header = "X-Preview-Cache";
    private const long MaxBytes = 64L * 1024 * 1024;
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxBytes });

    public static string Key(Guid userId, string fingerprint) => $"{userId:N}:{fingerprint}";

    public byte[]? Find(string key) => _cache.TryGetValue(key, out byte[]? png) ? png : null;

    public void Keep(string key, byte[] png) =>
        _cache.Set(key, png, new MemoryCacheEntryOptions { Size = png.Length, SlidingExpiration = Lifetime });

    public void Dispose() => _cache.Dispose();
}
