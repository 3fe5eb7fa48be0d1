using Microsoft.Playwright;

namespace JobWise.Tests.Web;

/// <summary>Editing the master resume in the browser: bullets, entries and skill groups added, moved and removed.</summary>
[Collection(WebFrontEndCollection.Name)]
public sealed class ProfileEditingTests(WebFrontEndHost host)
{
    private const string Entry = "entry 1 of Experience";

    private static readonly string[] ImportedBullets =
    [
        "Build an algorithm for artist to detect if their music was violating copy right infringement laws",
        "Successfully won Techcrunch Disrupt",
        "Optimized an algorithm that holds the current world record for Weisman Scores",
    ];

    [Fact]
    public async Task Bullets_are_added_moved_and_removed_with_the_keyboard_alone_and_saved_in_their_new_order()
    {
        await using var browser = await BrowserPage.OpenAsync(host);
        var page = browser.Page;
        await browser.RegisterAsync("Jared Dunn", WebFlow.Password);
        await WebFlow.ImportSampleResumeAsync(page);
        Assert.Equal(ImportedBullets, await BulletsAsync(page));

        // Add a bullet: Enter on the button, and the focus lands in the new, empty input.
        await PressAsync(page, $"Add bullet to {Entry}");
        var added = page.GetByLabel($"Bullet 4 of {Entry}", new() { Exact = true });
        await Assertions.Expect(added).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Cut the build time in half");

        // Move it up twice; the focus follows the bullet's "up" button until it reaches the top.
        await PressAsync(page, $"Move bullet 4 of {Entry} up");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Move bullet 3 of {Entry} up", Exact = true })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Move bullet 2 of {Entry} up", Exact = true })).ToBeFocusedAsync();
        Assert.Equal([ImportedBullets[0], "Cut the build time in half", ImportedBullets[1], ImportedBullets[2]], await BulletsAsync(page));

        // Move the last one down (nothing happens: it is last, and the button says so) and remove the first.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Move bullet 4 of {Entry} down", Exact = true })).ToBeDisabledAsync();
        await PressAsync(page, $"Remove bullet 1 of {Entry}");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Add bullet to {Entry}", Exact = true })).ToBeFocusedAsync();
        string[] edited = ["Cut the build time in half", ImportedBullets[1], ImportedBullets[2]];
        Assert.Equal(edited, await BulletsAsync(page));
        await browser.CaptureAsync("profile-bullets");

        // A bullet the API refuses (too long): the message sits next to that bullet, and every edit is still there.
        await PressAsync(page, $"Add bullet to {Entry}");
        var tooLong = new string('x', 10_001);
        await page.GetByLabel($"Bullet 4 of {Entry}", new() { Exact = true }).FillAsync(tooLong);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        var refused = page.GetByLabel($"Bullet 4 of {Entry}", new() { Exact = true });
        await Assertions.Expect(refused).ToHaveAttributeAsync("aria-invalid", "true");
        var errorId = await refused.GetAttributeAsync("aria-describedby");
        Assert.NotNull(errorId);
        await Assertions.Expect(page.Locator($"#{errorId}")).ToBeVisibleAsync();
        await Assertions.Expect(refused).ToHaveValueAsync(tooLong);
        string[] withTooLong = [.. edited, tooLong];
        Assert.Equal(withTooLong, await BulletsAsync(page));

        // Empty it instead: an emptied bullet is dropped on save, and the new order is what the API keeps.
        await refused.FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Profile saved.")).ToBeVisibleAsync();
        await browser.GotoAsync("/profile");
        Assert.Equal(edited, await BulletsAsync(page));
        browser.AssertNoBrowserErrors();
    }

    [Fact]
    public async Task Entries_and_skill_groups_move_up_and_down_and_are_saved_in_their_new_order()
    {
        await using var browser = await BrowserPage.OpenAsync(host);
        var page = browser.Page;
        await browser.RegisterAsync("Monica Hall", WebFlow.Password);
        await WebFlow.ImportSampleResumeAsync(page);
        var experience = page.Locator("fieldset[data-section-type=experience]");

        // A second experience entry, moved above the imported one.
        await PressAsync(page, "Add entry to Experience");
        var title = EntryField(experience, 1, "Title");
        await Assertions.Expect(title).ToBeFocusedAsync();
        await title.FillAsync("Partner");
        await EntryField(experience, 1, "Organisation").FillAsync("Raviga Capital");
        await EntryField(experience, 1, "Start (YYYY-MM)").FillAsync("2016-01");
        await PressAsync(page, "Move entry 2 of Experience up");
        await Assertions.Expect(EntryField(experience, 0, "Title")).ToBeFocusedAsync();
        await Assertions.Expect(EntryField(experience, 0, "Title")).ToHaveValueAsync("Partner");

        // The skill groups swap places.
        var skills = page.Locator("fieldset[data-section-type=skills]");
        await Assertions.Expect(skills.GetByLabel("Name", new() { Exact = true }).Nth(0)).ToHaveValueAsync("Web Development");
        await PressAsync(page, "Move skill group 1 down");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Profile saved.")).ToBeVisibleAsync();

        await browser.GotoAsync("/profile");
        await Assertions.Expect(EntryField(experience, 0, "Title")).ToHaveValueAsync("Partner");
        await Assertions.Expect(EntryField(experience, 1, "Title")).ToHaveValueAsync("CEO/President");
        await Assertions.Expect(skills.GetByLabel("Name", new() { Exact = true }).Nth(0)).ToHaveValueAsync("Compression");
        await Assertions.Expect(skills.GetByLabel("Name", new() { Exact = true }).Nth(1)).ToHaveValueAsync("Web Development");
        browser.AssertNoBrowserErrors();
    }

    /// <summary>Focuses the named button and presses Enter, as a keyboard user would, then waits for the page to come back.</summary>
    private static async Task PressAsync(IPage page, string button)
    {
        var target = page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true });
        await target.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByText("Unsaved changes.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("html[data-busy]")).ToHaveCountAsync(0);
    }

    private static ILocator EntryField(ILocator section, int entry, string label) =>
        section.Locator($"[data-item='{entry}']").GetByLabel(label, new() { Exact = true });

    private static async Task<string[]> BulletsAsync(IPage page) =>
        [.. await page.Locator("fieldset[data-section-type=experience] [data-item='0'] .bullet input").EvaluateAllAsync<string[]>("inputs => inputs.map(i => i.value)")];
}
