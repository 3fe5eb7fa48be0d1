using System.Net;
using System.Net.Http.Json;
using JobWise.Tests.Auth;
using JobWise.Tests.Infrastructure;
using Microsoft.Playwright;

namespace JobWise.Tests.Web;

/// <summary>The API (its mail going to the shared smtp4dev) and the web front end as real processes, and a browser.</summary>
public sealed class AccountPagesHost(PostgresServer postgres, RedisServer redis, Smtp4devServer mail) : IAsyncLifetime
{
    private readonly TemporaryDirectory _storage = new("account-web-storage");
    private ApiServerProcess? _api;
    private WebServerProcess? _web;
    private IPlaywright? _playwright;

    public Smtp4devServer Mail => mail;

    public IBrowser Browser { get; private set; } = default!;

    public string ApiUrl => _api!.Url;

    public string WebUrl => _web!.Url;

    public async ValueTask InitializeAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var settings = ApiServerProcess.Settings(await postgres.CreateDatabaseAsync("accountweb"), redis.ConnectionString, _storage.Path);
        foreach (var (key, value) in mail.ApiSettings())
        {
            settings[key] = value;
        }
        _api = await ApiServerProcess.StartAsync(settings);
        _web = await WebServerProcess.StartAsync(_api.Url, redis.ConnectionString);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = WebFrontEndHost.ChromiumPath, Headless = true });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_web is not null)
        {
            await _web.DisposeAsync();
        }
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }
        _storage.Dispose();
    }
}

public sealed class AccountPagesTests(AccountPagesHost host) : IClassFixture<AccountPagesHost>
{
    private const string Password = "correct horse battery";
    private const string NewPassword = "a brand new passphrase";

    [Fact]
    public async Task A_forgotten_password_is_reset_from_the_mailed_link_and_the_account_page_signs_out_everywhere()
    {
        var email = $"account-web-{Guid.NewGuid():N}@example.com";
        using (var api = new HttpClient { BaseAddress = new Uri(host.ApiUrl) })
        using (var register = await api.PostAsJsonAsync("/api/v1/auth/register",
                   new { email, password = Password, full_name = "Monica Hall" }, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Created, register.StatusCode);
        }
        await using var context = await host.Browser.NewContextAsync(new() { BaseURL = host.WebUrl, Locale = "en-GB" });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);

        await page.GotoAsync("/signin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync();
        // Enhanced navigation changes the URL before it patches the page: wait for the new page, or the sign-in form's
        // Email field would be filled.
        await page.GetByRole(AriaRole.Heading, new() { Name = "Forgot your password?" }).WaitForAsync();
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send me a link" }).ClickAsync();
        await page.GetByTestId("forgot-sent").WaitForAsync();

        // The mailed link names the front end's page; opened here, on the front end the test started.
        var mail = (await host.Mail.WaitForMessagesToAsync(email, AccountMailTests.ResetSubject)).Single();
        var token = AccountMailTests.TokenOf(mail, "http://web.jobwise.test/reset-password");
        await page.GotoAsync($"/reset-password?token={Uri.EscapeDataString(token)}");
        await page.GetByLabel("New password").FillAsync(NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await page.GetByTestId("reset-done").WaitForAsync();

        await page.GotoAsync("/signin");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/jobs");
        await page.GetByRole(AriaRole.Link, new() { Name = "Account" }).ClickAsync();
        await page.WaitForURLAsync("**/account");
        Assert.Equal(email, await page.GetByTestId("account-email").TextContentAsync());
        // The reset link reached the mailbox, which verifies the address.
        Assert.Equal("verified", await page.GetByTestId("email-status").TextContentAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out everywhere" }).ClickAsync();
        await page.WaitForURLAsync("**/signin**");
        await page.GotoAsync("/account");
        await page.WaitForURLAsync("**/signin**");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
