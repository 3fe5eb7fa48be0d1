using System.Diagnostics;
using System.Runtime.CompilerServices;
using JobWise.ApiService.Diagnostics;

namespace JobWise.ApiService.Storage;

/// <summary>
/// Wraps the configured provider so that every storage call is a span (<c>storage put</c>, <c>storage get</c>, …) and
/// every failure other than the caller giving up counts in <c>jobwise.storage.errors</c>; the providers stay plain.
/// Health probes are not traced (they come every few seconds and would drown the real traces).
/// </summary>
public sealed class InstrumentedObjectStorage(IObjectStorage inner, string provider, ApiMetrics metrics) : IObjectStorage, IDisposable
{
    public Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken) =>
        RunAsync("put", key, async () =>
        {
            await inner.PutAsync(key, content, contentType, cancellationToken);
            return true;
        }, cancellationToken);

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken) =>
        RunAsync("get", key, () => inner.OpenReadAsync(key, cancellationToken), cancellationToken);

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) =>
        RunAsync("exists", key, () => inner.ExistsAsync(key, cancellationToken), cancellationToken);

    public Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        RunAsync("delete", key, async () =>
        {
            await inner.DeleteAsync(key, cancellationToken);
            return true;
        }, cancellationToken);

    public async IAsyncEnumerable<StoredObject> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var span = Start("list", prefix);
        await using var objects = inner.ListAsync(prefix, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await objects.MoveNextAsync())
                {
                    yield break;
                }
            }
            catch (Exception exception)
            {
                Failed("list", span, exception, cancellationToken);
                throw;
            }
            yield return objects.Current;
        }
    }

    public Uri CreateDownloadUrl(string key, string fileName, DateTimeOffset expiresAt) => inner.CreateDownloadUrl(key, fileName, expiresAt);

    public Task ProbeAsync(CancellationToken cancellationToken) => inner.ProbeAsync(cancellationToken);

    private async Task<T> RunAsync<T>(string operation, string key, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        using var span = Start(operation, key);
        try
        {
            return await call();
        }
        catch (Exception exception)
        {
            Failed(operation, span, exception, cancellationToken);
            throw;
        }
    }

    private Activity? Start(string operation, string key) =>
        ApiTelemetry.Start(ApiTelemetry.Storage(operation), ActivityKind.Client)
            ?.SetTag("jobwise.storage.provider", provider)
            .SetTag("jobwise.storage.key", key);

    private void Failed(string operation, Activity? span, Exception exception, CancellationToken cancellationToken)
    {
        span.Fail(exception);
        if (!cancellationToken.IsCancellationRequested)
        {
            metrics.StorageFailed(operation, provider, exception);
        }
    }

    /// <summary>The provider's client (S3's) is disposed with the container that made this wrapper.</summary>
    public void Dispose() => (inner as IDisposable)?.Dispose();
}
