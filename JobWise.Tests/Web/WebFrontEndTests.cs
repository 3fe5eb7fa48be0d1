using System.Text.RegularExpressions;
using JobWise.Tests.Infrastructure;
using Microsoft.Playwright;

namespace JobWise.Tests.Web;

/// <summary>The web front end in a real browser, against the real API, PostgreSQL, Redis, renderer and storage.</summary>
[Collection(WebFrontEndCollection.Name)]
public sealed class WebFrontEndTests(WebFrontEndHost host)
{
    private const string Password = WebFlow.Password;

    private static readonly string SampleResume = WebFlow.SampleResume;

    private const string Posting = WebFlow.Posting;

    [Fact]
    public async Task A_job_seeker_goes_from_registering_to_downloading_a_tailored_pdf_and_docx_and_reading_the_ats_findings()
    {
        await using var browser = await BrowserPage.OpenAsync(host);
        var page = browser.Page;

        // Register.
        await browser.GotoAsync("/register");
        await browser.CaptureAsync("register");
        await page.GetByLabel("Full name").FillAsync("Richard Hendriks");
        await page.GetByLabel("Email").FillAsync($"richard-{Guid.NewGuid():N}@example.com");
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await page.WaitForURLAsync("**/profile");

        // Import a JSON Resume file.
        await page.GetByLabel("Import a JSON Resume file").SetInputFilesAsync(SampleResume);
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Imported" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#f-header-name")).ToHaveValueAsync("Richard Hendriks");
        await browser.CaptureAsync("profile");

        // A value the API refuses is shown next to its field, and what was typed stays.
        var start = page.Locator("fieldset[data-section-type=experience] input[name$='.items[0].start']");
        var startName = await start.GetAttributeAsync("name") ?? "";
        var startSelector = $"input[name='{startName}']";
        // The API names the field content.sections[n].items[0].start; the page puts its message beside that input.
        var errorId = "error-" + Regex.Replace("content." + startName["f:".Length..], "[^A-Za-z0-9]", "-");
        await start.FillAsync("last spring");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        await Assertions.Expect(page.Locator($"#{errorId}")).ToContainTextAsync("must be a date");
        await Assertions.Expect(page.Locator(startSelector)).ToHaveValueAsync("last spring");
        await Assertions.Expect(page.Locator(startSelector)).ToHaveAttributeAsync("aria-describedby", errorId);
        await browser.CaptureAsync("profile-error");
        await page.Locator(startSelector).FillAsync("2013-12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Profile saved.")).ToBeVisibleAsync();

        // Add a job, pasting the posting.
        await page.GetByRole(AriaRole.Link, new() { Name = "Jobs", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/jobs");
        await page.GetByLabel("Job title").FillAsync("Senior Software Engineer");
        await page.GetByLabel("Company").FillAsync("Hooli");
        await page.GetByLabel("Posting (paste the job description)").FillAsync(Posting);
        await browser.CaptureAsync("jobs");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add job" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/jobs/[0-9a-f-]+/tailor$"));

        // Tailor.
        await page.GetByRole(AriaRole.Button, new() { Name = "Make a tailored version" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("coverage")).ToHaveTextAsync(new Regex(@"^\d{1,3}%$"));
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Matched keywords" }).Locator("li").First).ToBeVisibleAsync();
        await browser.CaptureAsync("tailor");

        // Export: change an option and see the preview change.
        await page.GetByRole(AriaRole.Link, new() { Name = "Export this version" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/generations/[0-9a-f-]+/export"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Use Modern" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/export\\?template=modern$"));
        var preview = page.Locator("#resume-preview");
        // A render of the user's own resume: give it the time a PDF export gets.
        await Assertions.Expect(preview).ToHaveJSPropertyAsync("complete", true, new() { Timeout = 30_000 });
        Assert.True(await preview.EvaluateAsync<int>("image => image.naturalWidth") > 0, "the preview image did not load");
        var firstPng = await FetchAsync(page, await preview.GetAttributeAsync("src") ?? "");
        await page.GetByLabel("Accent colour").FillAsync("#b91c1c");
        await Assertions.Expect(page.Locator("#preview-status")).ToHaveTextAsync("Preview of page 1 (updated)", new() { Timeout = 30_000 });
        var changedUrl = await preview.GetAttributeAsync("data-preview-url") ?? "";
        Assert.Contains("accent=%23b91c1c", changedUrl, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("blob:", await preview.GetAttributeAsync("src"));
        var changedPng = await FetchAsync(page, changedUrl);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, changedPng[..4]);
        Assert.NotEqual(firstPng, changedPng);
        // Years only: the preview follows, and so does the export below.
        await page.GetByLabel("Dates").SelectOptionAsync("yyyy");
        await Assertions.Expect(preview).ToHaveAttributeAsync("data-preview-url", new Regex("dates=yyyy"), new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#preview-status")).ToHaveTextAsync("Preview of page 1 (updated)", new() { Timeout = 30_000 });
        await browser.CaptureAsync("export");

        // Export PDF, then DOCX with the same options.
        var exportPage = page.Url;
        await page.GetByRole(AriaRole.Button, new() { Name = "Export PDF" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/jobs/[0-9a-f-]+/exports\\?made="));
        await page.GotoAsync(exportPage);
        await page.GetByRole(AriaRole.Button, new() { Name = "Export DOCX" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/jobs/[0-9a-f-]+/exports\\?made="));

        // Download both; the bytes are a PDF and a DOCX (a ZIP package).
        var pdf = await DownloadAsync(page, page.Locator("[data-format=pdf]").First);
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
        var text = JobWise.ApiService.Ats.ExportTextReader.Read(pdf, "pdf");
        Assert.Contains("2013 – 2014", text);
        Assert.DoesNotContain("Dec 2013", text);
        var docx = await DownloadAsync(page, page.Locator("[data-format=docx]").First);
        Assert.Equal("PK"u8.ToArray(), docx[..2]);

        // The ATS report: a score for each file and every finding with its advice.
        await Assertions.Expect(page.Locator("[data-format=pdf] [data-testid=ats-score]").First).ToHaveTextAsync(new Regex(@"^\d{1,3}$"));
        await Assertions.Expect(page.Locator("[data-format=pdf] details.ats summary").First).ToContainTextAsync("ATS report");
        var findings = page.Locator("[data-format=pdf] .finding");
        for (var i = 0; i < await findings.CountAsync(); i++)
        {
            await Assertions.Expect(findings.Nth(i).Locator(".advice")).ToContainTextAsync("Advice:");
        }
        await browser.CaptureAsync("exports");

        // Sign out; a protected page then sends the browser to sign in.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync("**/signin");
        await browser.CaptureAsync("signin");
        await page.GotoAsync("/exports");
        Assert.Matches(new Regex(@"/signin\?ReturnUrl=%2Fexports$"), page.Url);

        browser.AssertNoBrowserErrors();
    }

    [Fact]
    public async Task Every_page_of_the_front_end_renders_accessibly_without_a_browser_error_at_desktop_and_phone_width()
    {
        await using var browser = await BrowserPage.OpenAsync(host);
        var page = browser.Page;
        foreach (var path in new[] { "/signin", "/register" })
        {
            await browser.GotoAsync(path);
            await browser.AssertAccessibleAsync();
        }
        await browser.RegisterAsync("Dinesh Chugtai", Password);
        await browser.AssertAccessibleAsync(); // an empty profile
        await WebFlow.ImportSampleResumeAsync(page);
        var tailor = new Uri(await WebFlow.AddJobAsync(page, "Backend Engineer", "Hooli")).AbsolutePath;
        var job = tailor[..^"/tailor".Length];
        await browser.AssertAccessibleAsync(); // tailor, before a version is made
        await WebFlow.TailorAndOpenExportAsync(page);
        var export = new Uri(page.Url).AbsolutePath;

        foreach (var path in new[] { "/", "/profile", "/jobs", job, tailor, export, $"{job}/exports", "/exports", "/not-found" })
        {
            await page.GotoAsync(path);
            await browser.AssertAccessibleAsync();
        }
        browser.AssertNoBrowserErrors();
    }

    [Fact]
    public async Task The_browser_error_guard_fails_a_page_that_throws_or_logs_a_console_error()
    {
        await using var browser = await BrowserPage.OpenAsync(host);
        await browser.GotoAsync("/signin");
        await browser.Page.EvaluateAsync("console.error('broken on purpose')");
        await browser.Page.EvaluateAsync("setTimeout(() => { throw new Error('thrown on purpose'); })");
        await browser.Page.WaitForTimeoutAsync(200);

        var failure = Assert.ThrowsAny<Exception>(browser.AssertNoBrowserErrors);
        Assert.Contains("broken on purpose", failure.Message);
        Assert.Contains("thrown on purpose", failure.Message);
    }

    [Fact]
    public async Task A_protected_page_without_a_session_redirects_to_sign_in_and_back_after()
    {
        await using var browser = await BrowserPage.OpenAsync(host);
        var page = browser.Page;
        await page.GotoAsync("/jobs");
        Assert.Matches(new Regex(@"/signin\?ReturnUrl=%2Fjobs$"), page.Url);

        // Register elsewhere, sign out, then sign in from the redirect: the browser lands on the page it asked for.
        var email = $"gilfoyle-{Guid.NewGuid():N}@example.com";
        await browser.GotoAsync("/register");
        await page.GetByLabel("Full name").FillAsync("Bertram Gilfoyle");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await page.WaitForURLAsync("**/profile");
        var cookies = await page.Context.CookiesAsync();
        var session = Assert.Single(cookies, c => c.Name == "jobwise.session");
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Lax, session.SameSite);
        // No readable JWT (header.payload.…, each part base64 of "{") in any cookie; "eyJ" alone turns up in random ciphertext.
        Assert.DoesNotContain(cookies, c => Regex.IsMatch(c.Value, @"eyJ[A-Za-z0-9_-]*\.eyJ"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync("**/signin");

        await page.GotoAsync("/jobs");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/jobs");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Jobs", Level = 1 })).ToBeVisibleAsync();

        // A wrong password is refused with the API's message, on the page.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync("**/signin");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync("not the password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        browser.AssertNoBrowserErrors();
    }

    /// <summary>The bytes the browser gets for a URL, with its cookies (a non-2xx answer fails the test).</summary>
    private static async Task<byte[]> FetchAsync(IPage page, string url)
    {
        var base64 = await page.EvaluateAsync<string>("""
            async url => {
              const response = await fetch(url, { credentials: "same-origin" });
              if (!response.ok) return "status " + response.status + ": " + await response.text();
              const bytes = new Uint8Array(await response.arrayBuffer());
              let text = "";
              for (const b of bytes) text += String.fromCharCode(b);
              return btoa(text);
            }
            """, url);
        Assert.False(base64.StartsWith("status ", StringComparison.Ordinal), $"GET {url}: {base64}");
        return Convert.FromBase64String(base64);
    }

    private static async Task<byte[]> DownloadAsync(IPage page, ILocator exportRow)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => exportRow.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Download") }).ClickAsync());
        var path = await download.PathAsync();
        return await File.ReadAllBytesAsync(path);
    }
}
