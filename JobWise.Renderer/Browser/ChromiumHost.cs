using Microsoft.Extensions.Options;
using PuppeteerSharp;

namespace JobWise.Renderer.Browser;

/// <summary>Owns one warm Chromium process, launched on first use and relaunched when it dies.</summary>
public sealed class ChromiumHost(IOptions<ChromiumOptions> options, ILoggerFactory loggerFactory) : IAsyncDisposable
{
    private static readonly string[] LaunchArguments =
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
    ];

    private readonly SemaphoreSlim _launchLock = new(1, 1);
    private IBrowser? _browser;

    public async Task<IBrowser> GetBrowserAsync(CancellationToken cancellationToken)
    {
        if (_browser is { IsConnected: true } browser)
        {
            return browser;
        }
        await _launchLock.WaitAsync(cancellationToken);
        try
        {
            if (_browser is { IsConnected: true } current)
            {
                return current;
            }
            if (_browser is not null)
            {
                await _browser.DisposeAsync();
            }
            _browser = await Puppeteer.LaunchAsync(new LaunchOptions
            {
                ExecutablePath = options.Value.ExecutablePath,
                Headless = true,
                // A pipe dies with this process; a WebSocket-launched Chromium would outlive a killed host.
                Pipe = true,
                Args = LaunchArguments,
                Timeout = (int)options.Value.LaunchTimeout.TotalMilliseconds,
            }, loggerFactory);
            return _browser;
        }
        finally
        {
            _launchLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
            await _browser.DisposeAsync();
        }
        _launchLock.Dispose();
    }
}
