using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;

namespace JobWise.ApiService.Storage;

/// <summary>Files under a data folder; downloads go through the API's signed download endpoint.</summary>
public sealed class LocalDiskStorage : IObjectStorage
{
    public const string DownloadRoutePrefix = "/api/v1/exports/download";

    private readonly string _root;
    private readonly LocalDownloadSigner _signer;
    private readonly string _publicBaseUrl;
    private readonly IHttpContextAccessor _httpContextAccessor;

    public LocalDiskStorage(IOptions<StorageOptions> options, LocalDownloadSigner signer, IHttpContextAccessor httpContextAccessor)
    {
        _root = Path.GetFullPath(options.Value.Local.Root);
        _publicBaseUrl = options.Value.Local.PublicBaseUrl.TrimEnd('/');
        _signer = signer;
        _httpContextAccessor = httpContextAccessor;
        Directory.CreateDirectory(_root);
    }

    public async Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        var path = PathFor(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Written aside and moved into place, so a reader never sees half a file.
        var partial = $"{path}.{Guid.NewGuid():N}.partial";
        try
        {
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await content.CopyToAsync(file, cancellationToken);
            }
            File.Move(partial, path, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathFor(key);
        Stream? stream = File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true)
            : null;
        return Task.FromResult(stream);
    }

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(File.Exists(PathFor(key)));

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        File.Delete(PathFor(key));
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<StoredObject> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var files = Directory.Exists(_root)
            ? Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories)
            : [];
        foreach (var path in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var key = Path.GetRelativePath(_root, path).Replace(Path.DirectorySeparatorChar, '/');
            if (!key.StartsWith(prefix, StringComparison.Ordinal) || !StorageKeys.IsSafe(key))
            {
                continue;
            }
            var written = File.GetLastWriteTimeUtc(path);
            // A file removed while listing reads as written in 1601: it is gone, not old.
            if (written.Year > 1601)
            {
                yield return new StoredObject(key, new DateTimeOffset(written, TimeSpan.Zero));
            }
        }
        await Task.CompletedTask;
    }

    public Uri CreateDownloadUrl(string key, string fileName, DateTimeOffset expiresAt)
    {
        var expires = expiresAt.ToUnixTimeSeconds();
        var token = _signer.Sign(key, expires, fileName);
        var baseUrl = _publicBaseUrl.Length > 0 ? _publicBaseUrl : RequestBaseUrl();
        return new Uri($"{baseUrl}{DownloadRoutePrefix}/{key}?name={Uri.EscapeDataString(fileName)}&expires={expires}&token={token}");
    }

    public Task ProbeAsync(CancellationToken cancellationToken)
    {
        // A read: the folder is there and can be listed. Probes never write.
        using var entries = Directory.EnumerateFileSystemEntries(_root).GetEnumerator();
        entries.MoveNext();
        return Task.CompletedTask;
    }

    private string PathFor(string key)
    {
        if (!StorageKeys.IsSafe(key))
        {
            throw new ArgumentException($"'{key}' is not a valid storage key.", nameof(key));
        }
        var path = Path.GetFullPath(Path.Combine(_root, key));
        if (!path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{key}' is outside the storage folder.", nameof(key));
        }
        return path;
    }

    private string RequestBaseUrl()
    {
        var request = _httpContextAccessor.HttpContext?.Request
            ?? throw new InvalidOperationException("Storage:Local:PublicBaseUrl is needed to make links outside a request.");
        return $"{request.Scheme}://{request.Host}{request.PathBase}";
    }
}
