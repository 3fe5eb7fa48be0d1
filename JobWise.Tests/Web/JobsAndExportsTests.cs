using System.IO.Compression;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace JobWise.Tests.Web;

/// <summary>Batch export to one ZIP, and deleting exports and jobs, in the browser.</summary>
[Collection(WebFrontEndCollection.Name)]
public sealed class JobsAndExportsTests(WebFrontEndHost host)
{
    [Fact]
    public async Task A_batch_export_of_two_templates_in_both_formats_downloads_as_a_zip_of_four_files_and_can_be_deleted()
    {
        await using var browser = await BrowserPage.OpenAsync(host);
        var page = browser.Page;
        await browser.RegisterAsync("Erlich Bachman", WebFlow.Password);
        await WebFlow.ImportSampleResumeAsync(page);
        await WebFlow.AddJobAsync(page, "Head of Incubation", "Aviato");
        await WebFlow.TailorAndOpenExportAsync(page);
        var templates = page.GetByRole(AriaRole.Group, new() { Name = "Templates for the ZIP" });
        var formats = page.GetByRole(AriaRole.Group, new() { Name = "Formats for the ZIP" });

        // No format ticked: the API's message sits beside the formats, and nothing is made.
        await formats.GetByLabel("PDF").UncheckAsync();
        await formats.GetByLabel("DOCX").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Export the chosen as ZIP" }).ClickAsync();
        await Assertions.Expect(page.Locator("#error-formats")).ToContainTextAsync("at least one format");
        await Assertions.Expect(formats).ToHaveAttributeAsync("aria-describedby", "error-formats");

        foreach (var box in await templates.GetByRole(AriaRole.Checkbox).AllAsync())
        {
            await box.UncheckAsync();
        }
        await templates.GetByLabel("Classic").CheckAsync();
        await templates.GetByLabel("Modern").CheckAsync();
        await formats.GetByLabel("PDF").CheckAsync();
        await formats.GetByLabel("DOCX").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Export the chosen as ZIP" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/jobs/[0-9a-f-]+/exports\\?made="));

        var zipRow = page.Locator("[data-format=zip]");
        await Assertions.Expect(zipRow).ToHaveCountAsync(1);
        var download = await page.RunAndWaitForDownloadAsync(() => zipRow.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Download") }).ClickAsync());
        using (var zip = await ZipFile.OpenReadAsync(await download.PathAsync(), TestContext.Current.CancellationToken))
        {
            var entries = zip.Entries.Select(entry => entry.Name).Order().ToList();
            Assert.Equal(4, entries.Count);
            foreach (var template in new[] { "classic", "modern" })
            {
                foreach (var (format, magic) in new[] { ("pdf", "%PDF"u8.ToArray()), ("docx", "PK"u8.ToArray()) })
                {
                    var entry = Assert.Single(zip.Entries, e => e.Name.Contains(template, StringComparison.OrdinalIgnoreCase) && e.Name.EndsWith($".{format}", StringComparison.Ordinal));
                    await using var content = await entry.OpenAsync(TestContext.Current.CancellationToken);
                    var head = new byte[magic.Length];
                    await content.ReadExactlyAsync(head, TestContext.Current.CancellationToken);
                    Assert.Equal(magic, head);
                }
            }
        }
        await browser.CaptureAsync("exports-batch");

        // Delete it: the row goes, and so does the file.
        var filename = await zipRow.Locator("h3").TextContentAsync();
        var fileUrl = await zipRow.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Download") }).GetAttributeAsync("href");
        await zipRow.GetByRole(AriaRole.Button, new() { Name = $"Delete {filename}" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-format=zip]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        var gone = await page.APIRequest.GetAsync(fileUrl!);
        Assert.Equal(404, gone.Status);
        browser.AssertNoBrowserErrors();
    }

    [Fact]
    public async Task A_deleted_job_leaves_the_list_and_its_page_is_not_found()
    {
        await using var browser = await BrowserPage.OpenAsync(host);
        var page = browser.Page;
        await browser.RegisterAsync("Nelson Bighetti", WebFlow.Password);
        var kept = new Uri(await WebFlow.AddJobAsync(page, "Keeper", "Hooli")).AbsolutePath;
        var deleted = new Uri(await WebFlow.AddJobAsync(page, "Sleeper", "Hooli XYZ")).AbsolutePath;

        await browser.GotoAsync("/jobs");
        await Assertions.Expect(page.Locator(".job")).ToHaveCountAsync(2);
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete Sleeper at Hooli XYZ" }).ClickAsync();
        await Assertions.Expect(page.Locator(".job")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Keeper" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sleeper" })).ToHaveCountAsync(0);

        await page.GotoAsync(deleted[..^"/tailor".Length]);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(new Regex("not found|no job", RegexOptions.IgnoreCase));
        await browser.GotoAsync(kept[..^"/tailor".Length]);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        browser.AssertNoBrowserErrors();
    }
}
