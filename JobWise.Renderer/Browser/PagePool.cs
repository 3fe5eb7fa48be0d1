using System.Diagnostics;
using JobWise.Renderer.Diagnostics;
using Microsoft.Extensions.Options;
using PuppeteerSharp;

namespace JobWise.Renderer.Browser;

/// <summary>
/// The render slots: a bounded queue (full means <see cref="RejectionReason.QueueFull"/> at once), one reused page per slot,
/// a deadline per render, and up to two retries at once on a fresh page (and, if needed, a fresh Chromium) when the page or browser dies.
/// Every page has JavaScript off and aborts every request that is not a <c>data:</c> URL.
/// </summary>
public sealed class PagePool
{
    /// <summary>Attempts of one render when Chromium or its page dies under it; a document that kills Chromium each time is not retried forever.</summary>
    private const int MaxAttempts = 3;

    private readonly ChromiumHost _chromium;
    private readonly BrowserPoolOptions _options;
    private readonly RendererMetrics _metrics;
    private readonly ILogger<PagePool> _logger;
    private readonly SemaphoreSlim _slots;
    private int _admitted;
    private int _waiting;

    public PagePool(ChromiumHost chromium, IOptions<BrowserPoolOptions> options, RendererMetrics metrics, ILogger<PagePool> logger)
    {
        _chromium = chromium;
        _options = options.Value;
        _metrics = metrics;
        _logger = logger;
        _slots = new SemaphoreSlim(_options.Slots, _options.Slots);
        metrics.ObserveQueue(() => QueueDepth);
    }

    /// <summary>Renders waiting for a slot.</summary>
    public int QueueDepth => Volatile.Read(ref _waiting);

    /// <summary>
    /// Runs <paramref name="work"/> on a pooled page within the render deadline. The work must leave nothing behind
    /// that the next render could see; replacing the whole document (as <see cref="SetDocumentAsync"/> does) is enough.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<IPage, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _admitted) > _options.Slots + _options.QueueLength)
        {
            Interlocked.Decrement(ref _admitted);
            _metrics.Rejected("queue_full");
            throw new RenderRejectedException(RejectionReason.QueueFull, "The renderer's queue is full.");
        }
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.RenderTimeout);
        try
        {
            await WaitForSlotAsync(deadline.Token);
            try
            {
                return await RunWithRetryAsync(work, deadline.Token);
            }
            finally
            {
                _slots.Release();
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            _metrics.Rejected("timeout");
            throw new RenderRejectedException(RejectionReason.Timeout, $"The render did not finish within {_options.RenderTimeout.TotalSeconds:0.#} s.");
        }
        finally
        {
            Interlocked.Decrement(ref _admitted);
        }
    }

    private async Task WaitForSlotAsync(CancellationToken cancellationToken)
    {
        using var span = RendererTelemetry.Start(RendererTelemetry.QueueWait);
        var started = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref _waiting);
        try
        {
            await _slots.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
            _metrics.RecordQueueWait(Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>Replaces the page's whole document without JavaScript (CDP Page.setDocumentContent), so nothing of the last render survives.</summary>
    public static async Task SetDocumentAsync(IPage page, string html, CancellationToken cancellationToken) =>
        await page.Client.SendAsync("Page.setDocumentContent", new { frameId = page.MainFrame.Id, html }).WaitAsync(cancellationToken);

    private async Task<T> RunWithRetryAsync<T>(Func<IPage, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var instance = await _chromium.AcquireAsync(cancellationToken);
            // Every await of this attempt ends the moment its Chromium dies, not at the render deadline.
            using var attemptToken = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, instance.Lost);
            IPage? page = null;
            var rendered = false;
            try
            {
                page = await LeasePageAsync(instance).WaitAsync(attemptToken.Token);
                var result = await work(page, attemptToken.Token);
                rendered = true;
                return result;
            }
            catch (Exception exception) when (IsCrash(exception, instance, page, cancellationToken))
            {
                // A page interrupted by a crash is in an unknown state: never reuse it.
                Discard(ref page);
                if (!instance.Browser.IsConnected || instance.IsLost)
                {
                    instance.MarkLost();
                    _chromium.ReportCrash(instance);
                }
                if (attempt >= MaxAttempts)
                {
                    _metrics.Rejected("browser_died");
                    throw new RenderRejectedException(RejectionReason.BrowserUnavailable, $"Chromium died during {MaxAttempts} attempts of this render.", exception);
                }
                _logger.LogWarning(exception, "Render attempt {Attempt} failed because the page or Chromium died; retrying on a healthy one", attempt);
            }
            catch
            {
                // A page interrupted mid-render (deadline, crash) is in an unknown state: never reuse it.
                Discard(ref page);
                throw;
            }
            finally
            {
                if (page is not null)
                {
                    Return(instance, page);
                }
                _chromium.Release(instance, rendered);
            }
        }
    }

    /// <summary>A page or browser death, as opposed to the render's own deadline or the caller giving up.</summary>
    private static bool IsCrash(Exception exception, BrowserInstance instance, IPage? page, CancellationToken renderToken) =>
        !renderToken.IsCancellationRequested
        && exception is not RenderRejectedException
        && (instance.IsLost || !instance.Browser.IsConnected || page is { IsClosed: true }
            || exception is PuppeteerException && exception is not OperationCanceledException);

    private static async Task<IPage> LeasePageAsync(BrowserInstance instance)
    {
        while (instance.IdlePages.TryTake(out var idle))
        {
            if (!idle.IsClosed)
            {
                return idle;
            }
        }
        var page = await instance.Browser.NewPageAsync();
        await page.SetJavaScriptEnabledAsync(false);
        await page.SetRequestInterceptionAsync(true);
        page.Request += async (_, e) =>
        {
            try
            {
                if (e.Request.Url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
                {
                    await e.Request.ContinueAsync();
                }
                else
                {
                    await e.Request.AbortAsync(RequestAbortErrorCode.AccessDenied);
                }
            }
            catch (PuppeteerException)
            {
                // The page went away while the request was paused; nothing left to deny.
            }
        };
        return page;
    }

    private static void Return(BrowserInstance instance, IPage page)
    {
        // Pages belong to their browser's own idle list, so a dead browser's pages are never handed to another render.
        if (instance.IsUsable && !page.IsClosed)
        {
            instance.IdlePages.Add(page);
        }
        else
        {
            _ = CloseQuietlyAsync(page);
        }
    }

    private static void Discard(ref IPage? page)
    {
        if (page is not null)
        {
            _ = CloseQuietlyAsync(page);
            page = null;
        }
    }

    private static async Task CloseQuietlyAsync(IPage page)
    {
        try
        {
            await page.CloseAsync();
        }
        catch (Exception)
        {
            // Already gone with its browser.
        }
    }
}
