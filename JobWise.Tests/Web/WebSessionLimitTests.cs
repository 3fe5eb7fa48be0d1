using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace JobWise.Tests.Web;

/// <summary>
/// What a signed-in session meets when the API's limits bite: a refused request says when to try again, an access
/// token that runs out is renewed by the front end on the server side, and signing out revokes the refresh token.
/// </summary>
public sealed class WebSessionLimitTests(StrictWebFrontEndHost host) : IClassFixture<StrictWebFrontEndHost>
{
    [Fact]
    public async Task A_request_the_api_refuses_with_429_is_shown_with_the_seconds_to_wait()
    {
        await using var browser = await BrowserPage.OpenAsync(host);
        var page = browser.Page;
        await browser.RegisterAsync("Gavin Belson", WebFlow.Password);
        await WebFlow.ImportSampleResumeAsync(page);
        await WebFlow.AddJobAsync(page, "Chief Executive", "Hooli");

        // The one unit of expensive work this host allows per user, then one too many.
        await page.GetByRole(AriaRole.Button, new() { Name = "Make a tailored version" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("coverage")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Make a tailored version" }).ClickAsync();
        var alert = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(alert).ToContainTextAsync(new Regex(@"Try again in \d+ seconds"));
        var seconds = int.Parse(Regex.Match(await alert.TextContentAsync() ?? "", @"Try again in (\d+) seconds").Groups[1].Value);
        // A token comes back every 10 minutes (the host's replenishment period).
        Assert.InRange(seconds, 1, 600);
        await browser.CaptureAsync("tailor-429");
        browser.AssertNoBrowserErrors();
    }

    [Fact]
    public async Task The_session_outlives_its_access_token_because_the_front_end_renews_it_and_sign_out_revokes_the_refresh_token()
    {
        await using var browser = await BrowserPage.OpenAsync(host);
        var page = browser.Page;
        await browser.RegisterAsync("Laurie Bream", WebFlow.Password);
        // Started once the first tokens exist, so it never runs ahead of their age.
        var sinceIssued = Stopwatch.StartNew();
        var issued = await SessionCookieAsync(page);

        // Past the point where the front end treats the access token as spent: the next page still works, because
        // the server renewed the tokens with the refresh token and re-issued the cookie.
        await WaitUntilAsync(sinceIssued, StrictWebFrontEndHost.RenewedAfter + TimeSpan.FromSeconds(1));
        // Started before the renewal, so never behind the renewed tokens' age...
        var beforeRenewal = Stopwatch.StartNew();
        await browser.GotoAsync("/jobs");
        // ...and this one after it, so never ahead.
        var afterRenewal = Stopwatch.StartNew();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Jobs", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        var renewed = await SessionCookieAsync(page);
        Assert.True(ValueOf(issued) != ValueOf(renewed), $"the cookie was not re-issued; the front end said:\n{host.ServerOutput}");
        await WebFlow.AddJobAsync(page, "Chief Executive", "Raviga"); // a call to the API with the renewed token

        // Sign out before the renewed token is due (so sign-out itself renews nothing), keeping a copy of the cookie.
        var beforeSignOut = await SessionCookieAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync("**/signin");
        Assert.True(beforeRenewal.Elapsed < StrictWebFrontEndHost.RenewedAfter, "signing out took longer than the renewal interval");

        // The copied cookie, once due for renewal, is refused: its refresh token was revoked, so the session ends.
        await using var replay = await BrowserPage.OpenAsync(host);
        await replay.Page.Context.AddCookiesAsync(beforeSignOut.Select(c => new Cookie { Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path }));
        await WaitUntilAsync(afterRenewal, StrictWebFrontEndHost.RenewedAfter + TimeSpan.FromSeconds(1));
        await replay.Page.GotoAsync("/jobs");
        Assert.Matches(new Regex(@"/signin\?ReturnUrl=%2Fjobs$"), replay.Page.Url);
        browser.AssertNoBrowserErrors();
        replay.AssertNoBrowserErrors();
    }

    /// <summary>The sign-in cookie (and its chunks, should the ticket ever grow past one cookie).</summary>
    private static async Task<IReadOnlyList<BrowserContextCookiesResult>> SessionCookieAsync(IPage page)
    {
        var cookies = (await page.Context.CookiesAsync()).Where(c => c.Name.StartsWith("jobwise.session", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(cookies);
        return cookies;
    }

    private static string ValueOf(IReadOnlyList<BrowserContextCookiesResult> cookies) => string.Join("|", cookies.Select(c => c.Value));

    private static async Task WaitUntilAsync(Stopwatch clock, TimeSpan elapsed)
    {
        var left = elapsed - clock.Elapsed;
        if (left > TimeSpan.Zero)
        {
            await Task.Delay(left, TestContext.Current.CancellationToken);
        }
    }
}
