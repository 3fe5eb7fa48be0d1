using System.Net;
using System.Net.Http.Json;
using JobWise.Tests.Auth;
using JobWise.Tests.Infrastructure;
using Microsoft.Playwright;

namespace JobWise.Tests.Web;

/// <summary>The whole system behind a browser, with the API's mail going to the shared smtp4dev.</summary>
public sealed class AccountPagesHost(PostgresServer postgres, RedisServer redis, RendererServer renderer, Smtp4devServer mail)
    : WebFrontEndHost(postgres, redis, renderer)
{
    public Smtp4devServer Mail => mail;

    protected override IReadOnlyDictionary<string, string> ApiSettings => mail.ApiSettings();
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
        await using var context = await host.Browser.NewContextAsync(new() { BaseURL = host.Url, Locale = "en-GB" });
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
