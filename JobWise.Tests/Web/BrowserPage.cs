using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using JobWise.Tests.Infrastructure;
using Microsoft.Playwright;

namespace JobWise.Tests.Web;

/// <summary>
/// A browser tab on the front end that records every console error and uncaught exception of every page it shows, so
/// a test can fail on them, checks pages with axe-core, and writes screenshots at desktop and phone width to
/// docs/screenshots/.
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

    /// <summary>
    /// Screenshots of the current page at desktop and phone width (the viewport only, to keep the files small), each
    /// checked for accessibility first.
    /// </summary>
    public async Task CaptureAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        foreach (var (width, viewport) in new[] { ("desktop", Desktop), ("phone", Phone) })
        {
            await Page.SetViewportSizeAsync(viewport.Width, viewport.Height);
            await AssertAccessibleAtThisWidthAsync();
            await Page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, $"{name}-{width}.png") });
        }
        await Page.SetViewportSizeAsync(Desktop.Width, Desktop.Height);
    }

    /// <summary>
    /// axe-core's WCAG 2.1 A and AA rules on the current page at desktop and phone width; fails on any serious or
    /// critical violation (missing labels, too little contrast, no landmark, unreachable focus) and, at phone width, on
    /// a page wider than the screen.
    /// </summary>
    public async Task AssertAccessibleAsync()
    {
        await Page.SetViewportSizeAsync(Phone.Width, Phone.Height);
        await AssertAccessibleAtThisWidthAsync();
        await Page.SetViewportSizeAsync(Desktop.Width, Desktop.Height);
        await AssertAccessibleAtThisWidthAsync();
    }

    private async Task AssertAccessibleAtThisWidthAsync()
    {
        var width = Page.ViewportSize?.Width ?? 0;
        var result = await Page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
        });
        var failures = result.Violations
            .Where(violation => violation.Impact is "serious" or "critical")
            .Select(violation => $"{violation.Impact} {violation.Id}: {violation.Help} at " +
                string.Join("; ", violation.Nodes.Select(node => $"{node.Target} {node.Html}")))
            .ToList();
        Assert.True(failures.Count == 0, $"{Page.Url} at {width}px:\n{string.Join("\n", failures)}");
        if (width == Phone.Width)
        {
            // Nothing wider than the phone's screen: no sideways scrolling.
            var overflow = await Page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"{Page.Url} is {overflow}px wider than a phone screen");
        }
    }

    /// <summary>Registers a new account (a fresh address each time) and waits for the profile page it leads to.</summary>
    public async Task<string> RegisterAsync(string fullName, string password)
    {
        var email = $"{fullName.Split(' ')[0].ToLowerInvariant()}-{Guid.NewGuid():N}@example.com";
        await GotoAsync("/register");
        await Page.GetByLabel("Full name").FillAsync(fullName);
        await Page.GetByLabel("Email").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Page.WaitForURLAsync("**/profile");
        return email;
    }

    public void AssertNoBrowserErrors() => Assert.True(Errors.Count == 0, string.Join("\n", Errors));

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
