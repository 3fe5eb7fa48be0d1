using JobWise.Tests.Infrastructure;
using Microsoft.Playwright;

namespace JobWise.Tests.Web;

/// <summary>
/// A browser tab on the front end that records every console error and uncaught exception of every page it shows, so
/// a test can fail on them, and writes screenshots at desktop and phone width to docs/screenshots/.
/// </summary>
public sealed class BrowserPage : IAsyncDisposable
{
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private readonly IBrowserContext _context;
    private readonly List<string> _errors = [];

    private BrowserPage(IBrowserContext context, IPage page, string baseUrl)
    {
        _context = context;
        Page = page;
        BaseUrl = baseUrl;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (_errors)
                {
                    _errors.Add($"console error on {page.Url}: {message.Text}");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_errors)
            {
                _errors.Add($"uncaught error on {page.Url}: {error}");
            }
        };
    }

    public IPage Page { get; }

    public string BaseUrl { get; }

    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_errors)
            {
                return [.. _errors];
            }
        }
    }

    public static string ScreenshotFolder => Path.Combine(RepositoryPaths.Root, "docs", "screenshots");

    public static async Task<BrowserPage> OpenAsync(WebFrontEndHost host)
    {
        var context = await host.Browser.NewContextAsync(new()
        {
            BaseURL = host.Url,
            ViewportSize = Desktop,
            AcceptDownloads = true,
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(30_000);
        return new BrowserPage(context, await context.NewPageAsync(), host.Url);
    }

    public async Task GotoAsync(string path)
    {
        var response = await Page.GotoAsync(path);
        Assert.True(response is { Ok: true }, $"GET {path} answered {response?.Status}");
    }

    /// <summary>Screenshots of the current page at desktop and phone width (the viewport only, to keep the files small).</summary>
    public async Task CaptureAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await Page.SetViewportSizeAsync(Desktop.Width, Desktop.Height);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, $"{name}-desktop.png") });
        await Page.SetViewportSizeAsync(Phone.Width, Phone.Height);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, $"{name}-phone.png") });
        await Page.SetViewportSizeAsync(Desktop.Width, Desktop.Height);
    }

    public void AssertNoBrowserErrors() => Assert.True(Errors.Count == 0, string.Join("\n", Errors));

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
