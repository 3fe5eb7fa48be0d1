using JobWise.Renderer.Browser;
using PuppeteerSharp;

namespace JobWise.Tests.Benchmark;

/// <summary>
/// The floor: the bare pooled-Chromium print of the HTML the renderer produces — the same Chromium, flags, document
/// load and print options, on reused pages, with no HTTP, queue, validation or storage around it.
/// </summary>
public sealed class FloorPrinter : IAsyncDisposable
{
    private readonly IBrowser _browser;
    private readonly System.Threading.Channels.Channel<IPage> _pages;

    private FloorPrinter(IBrowser browser, IReadOnlyList<IPage> pages)
    {
        _browser = browser;
        _pages = System.Threading.Channels.Channel.CreateUnbounded<IPage>();
        foreach (var page in pages)
        {
            _pages.Writer.TryWrite(page);
        }
    }

    public static async Task<FloorPrinter> StartAsync(int pages)
    {
        var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Pipe = true,
            Args = [.. ChromiumHost.LaunchArguments],
        });
        var opened = new List<IPage>();
        for (var i = 0; i < pages; i++)
        {
            var page = await browser.NewPageAsync();
            await page.SetJavaScriptEnabledAsync(false);
            opened.Add(page);
        }
        return new FloorPrinter(browser, opened);
    }

    public async Task<byte[]> PrintAsync(string html, PdfOptions print)
    {
        var page = await _pages.Reader.ReadAsync();
        try
        {
            await PagePool.SetDocumentAsync(page, html, CancellationToken.None);
            return await page.PdfDataAsync(print);
        }
        finally
        {
            _pages.Writer.TryWrite(page);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        await _browser.DisposeAsync();
    }
}
