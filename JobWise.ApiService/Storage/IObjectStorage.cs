namespace JobWise.ApiService.Storage;

/// <summary>Where export files live: S3 (or an S3-compatible server) or a folder on local disk.</summary>
public interface IObjectStorage
{
    Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken);

    /// <summary>The file's bytes, or null when there is no such key.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes the file; a missing key is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Every stored file whose key starts with <paramref name="prefix"/>, with when it was written.</summary>
    IAsyncEnumerable<StoredObject> ListAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>
    /// A link anyone holding it can download the file with until <paramref name="expiresAt"/>, saved as
    /// <paramref name="fileName"/>: the name is part of what the link signs, so a link serves its own export's name.
    /// </summary>
    Uri CreateDownloadUrl(string key, string fileName, DateTimeOffset expiresAt);

    /// <summary>Throws when the storage cannot be reached; a cheap read that never writes (health probes call it often).</summary>
    Task ProbeAsync(CancellationToken cancellationToken);
}

public sealed record StoredObject(string Key, DateTimeOffset LastModified);
