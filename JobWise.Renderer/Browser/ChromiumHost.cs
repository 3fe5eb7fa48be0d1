using Microsoft.Extensions.Options;
using JobWise.Renderer.Diagnostics;
using PuppeteerSharp;

namespace JobWise.Renderer.Browser;

/// <summary>
/// Supervises the Chromium process: launched once and kept warm, relaunched when it dies,
/// and replaced after <see cref="BrowserPoolOptions.RecycleAfterRenders"/> renders (the old one closes when its renders finish).
/// </summary>
public sealed class ChromiumHost(
    IOptions<ChromiumOptions> options,
    IOptions<BrowserPoolOptions> poolOptions,
    RendererMetrics metrics,
    ILoggerFactory loggerFactory) : IAsyncDisposable
{
    /// <summary>The flags every Chromium of ours runs with (the benchmark launches its baselines with the same).</summary>
    public static readonly IReadOnlyList<string> LaunchArguments =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        "--disable-extensions",
        "--disable-default-apps",
        "--mute-audio",
        // Defence in depth behind request interception: any request that slipped through would go to a dead proxy,
        // loopback included ("<-loopback>" removes Chromium's implicit loopback bypass; quoted because PuppeteerSharp
        // starts Chromium through a shell on Linux).
        "--proxy-server=http://127.0.0.1:9",
        "--proxy-bypass-list=\"<-loopback>\"",
    ];

    private readonly ILogger<ChromiumHost> _logger = loggerFactory.CreateLogger<ChromiumHost>();
    private readonly SemaphoreSlim _launchLock = new(1, 1);
    private BrowserInstance? _current;
    private int _generation;
    private bool _disposed;

    /// <summary>The live process, for health checks and tests; null before the first launch.</summary>
    public BrowserInstance? Current => _current;

    /// <summary>How many Chromium processes have been launched so far.</summary>
    public int Launches => Volatile.Read(ref _generation);

    public async Task<IBrowser> GetBrowserAsync(CancellationToken cancellationToken) =>
        (await GetInstanceAsync(cancellationToken)).Browser;

    /// <summary>A usable process with one more render counted against it; pair with <see cref="Release"/>.</summary>
    public async Task<BrowserInstance> AcquireAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var instance = await GetInstanceAsync(cancellationToken);
            instance.Enter();
            if (instance.IsUsable)
            {
                return instance;
            }
            Release(instance, rendered: false);
        }
    }

    public void Release(BrowserInstance instance, bool rendered)
    {
        var stillActive = instance.Leave(rendered);
        var recycleAfter = poolOptions.Value.RecycleAfterRenders;
        if (recycleAfter > 0 && instance.Renders >= recycleAfter && instance.Retire())
        {
            _logger.LogInformation("Recycling Chromium generation {Generation} after {Renders} renders", instance.Generation, instance.Renders);
            Interlocked.CompareExchange(ref _current, null, instance);
            metrics.BrowserRestarted("recycle");
        }
        if (stillActive == 0 && instance.IsRetired)
        {
            _ = CloseAsync(instance);
        }
    }

    /// <summary>Called when a render saw the process die: the next acquire launches a new one.</summary>
    public void ReportCrash(BrowserInstance instance)
    {
        if (instance.Retire())
        {
            _logger.LogWarning("Chromium generation {Generation} died; relaunching", instance.Generation);
            Interlocked.CompareExchange(ref _current, null, instance);
            metrics.BrowserRestarted("crash");
            if (instance.Active == 0)
            {
                _ = CloseAsync(instance);
            }
        }
    }

    /// <summary>The live process, launched if there is none; no render is counted against it.</summary>
    public async Task<BrowserInstance> GetInstanceAsync(CancellationToken cancellationToken)
    {
        if (_current is { IsUsable: true } current)
        {
            return current;
        }
        await _launchLock.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_current is { IsUsable: true } launched)
            {
                return launched;
            }
            if (_current is { } dead)
            {
                ReportCrash(dead);
            }
            var browser = await LaunchAsync();
            metrics.BrowserLaunched();
            var instance = new BrowserInstance(browser, Interlocked.Increment(ref _generation));
            WatchForDeath(instance);
            _current = instance;
            _logger.LogInformation("Chromium generation {Generation} started (pid {Pid})", instance.Generation, browser.Process?.Id);
            return instance;
        }
        finally
        {
            _launchLock.Release();
        }
    }

    /// <summary>
    /// Marks the instance lost on whichever comes first: the process exiting or the pipe closing. PuppeteerSharp does not
    /// fail every pending call when Chromium dies (NewPageAsync, for one, waits 30 s for a target that will never appear),
    /// so the pool cancels its own awaits with <see cref="BrowserInstance.Lost"/> instead of trusting the library to.
    /// </summary>
    private void WatchForDeath(BrowserInstance instance)
    {
        void Died(object? sender, EventArgs e)
        {
            instance.MarkLost();
            ReportCrash(instance);
        }
        instance.Browser.Disconnected += Died;
        if (instance.Browser.Process is { } process)
        {
            process.Exited += Died;
            if (process.HasExited)
            {
                Died(null, EventArgs.Empty);
            }
        }
        if (!instance.Browser.IsConnected)
        {
            Died(null, EventArgs.Empty);
        }
    }

    private async Task<IBrowser> LaunchAsync()
    {
        try
        {
            return await Puppeteer.LaunchAsync(new LaunchOptions
            {
                // The machine's Chromium; PuppeteerSharp never downloads one when a path is given.
                ExecutablePath = options.Value.ExecutablePath,
                Headless = true,
                // A pipe dies with this process; a WebSocket-launched Chromium would outlive a killed host.
                Pipe = true,
                Args = [.. LaunchArguments],
                Timeout = (int)options.Value.LaunchTimeout.TotalMilliseconds,
                // Bounds every CDP call, so a wedged Chromium fails a render instead of holding its slot for minutes.
                ProtocolTimeout = (int)options.Value.LaunchTimeout.TotalMilliseconds,
            }, loggerFactory);
        }
        catch (Exception exception) when (exception is PuppeteerException or ProcessException or IOException or System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new RenderRejectedException(RejectionReason.BrowserUnavailable, $"Chromium could not be started: {exception.Message}", exception);
        }
    }

    private async Task CloseAsync(BrowserInstance instance)
    {
        try
        {
            await instance.Browser.CloseAsync();
        }
        catch (Exception exception)
        {
            _logger.LogDebug(exception, "Closing Chromium generation {Generation}", instance.Generation);
        }
        finally
        {
            await instance.Browser.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _launchLock.WaitAsync();
        try
        {
            _disposed = true;
            if (_current is { } instance)
            {
                _current = null;
                instance.Retire();
                await CloseAsync(instance);
            }
        }
        finally
        {
            _launchLock.Release();
        }
    }
}
