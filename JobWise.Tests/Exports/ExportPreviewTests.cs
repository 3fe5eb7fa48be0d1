using System.Net;
using JobWise.Tests.Infrastructure;

namespace JobWise.Tests.Exports;

/// <summary>POST /api/v1/exports/preview: page 1 of the user's own generation, rendered by the real renderer.</summary>
public sealed class ExportPreviewTests(ExportsApiHost host) : IClassFixture<ExportsApiHost>
{
    [Fact]
    public async Task A_preview_is_a_png_of_the_users_generation_that_changes_with_the_options()
    {
        var scenario = await ExportScenario.CreateAsync(host);
        var blue = await PreviewAsync(scenario, new { generation_id = scenario.GenerationId, template = "modern", options = new { accent_color = "#1D4ED8" } });
        var red = await PreviewAsync(scenario, new { generation_id = scenario.GenerationId, template = "modern", options = new { accent_color = "#B91C1C" } });

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], blue[..4]);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], red[..4]);
        Assert.NotEqual(blue, red);
    }

    [Fact]
    public async Task A_preview_already_made_for_the_same_resolved_request_is_answered_from_the_cache()
    {
        var scenario = await ExportScenario.CreateAsync(host);
        using var catalogue = await scenario.User.Client.GetAsync("/api/v1/exports/templates", TestContext.Current.CancellationToken);
        var defaults = (await catalogue.ReadJsonAsync())["templates"]!.AsArray()
            .Single(t => t!["id"]!.GetValue<string>() == "creative")!["default_options"]!.DeepClone();

        using var first = await scenario.User.Client.PostJsonAsync("/api/v1/exports/preview",
            new { generation_id = scenario.GenerationId, template = "creative" });
        using var spelledOut = await scenario.User.Client.PostJsonAsync("/api/v1/exports/preview",
            new { generation_id = scenario.GenerationId, template = "creative", options = defaults });
        using var other = await scenario.User.Client.PostJsonAsync("/api/v1/exports/preview",
            new { generation_id = scenario.GenerationId, template = "creative", options = new { accent_color = "#0F766E" } });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("miss", first.Headers.GetValues("X-Preview-Cache").Single());
        Assert.Equal("hit", spelledOut.Headers.GetValues("X-Preview-Cache").Single());
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken),
            await spelledOut.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal("miss", other.Headers.GetValues("X-Preview-Cache").Single());
    }

    [Fact]
    public async Task With_pages_all_the_preview_is_a_strip_of_every_printed_page_side_by_side()
    {
        var scenario = await ExportScenario.CreateAsync(host);
        using var export = await scenario.ExportAsync("pdf", "modern");
        var pageCount = (await export.ReadJsonAsync())["page_count"]!.GetValue<int>();
        Assert.True(pageCount >= 2, $"the sample prints on {pageCount} page(s)");

        var strip = BigGustave.Png.Open(await PreviewAsync(scenario,
            new { generation_id = scenario.GenerationId, template = "modern", pages = "all" }));
        var firstPage = BigGustave.Png.Open(await PreviewAsync(scenario,
            new { generation_id = scenario.GenerationId, template = "modern" }));

        // Thumbnails of A4 pages (about 1:1.41) in one row: as many page widths across as there are pages.
        var thumbnailWidth = (strip.Height - 16) / 1.414;
        Assert.InRange(strip.Width, (int)(pageCount * thumbnailWidth), (int)(pageCount * (thumbnailWidth + 8) + 16));
        Assert.True(firstPage.Height > firstPage.Width, "page 1 alone is a portrait page");
    }

    [Fact]
    public async Task A_preview_of_pages_other_than_first_or_all_is_a_400_naming_pages()
    {
        var scenario = await ExportScenario.CreateAsync(host);
        using var response = await scenario.User.Client.PostJsonAsync("/api/v1/exports/preview",
            new { generation_id = scenario.GenerationId, template = "modern", pages = "some" });
        await response.AssertValidationProblemAsync("pages");
    }

    [Fact]
    public async Task A_preview_with_an_option_outside_the_template_is_a_400_naming_the_option()
    {
        var scenario = await ExportScenario.CreateAsync(host);
        using var response = await scenario.User.Client.PostJsonAsync("/api/v1/exports/preview",
            new { generation_id = scenario.GenerationId, template = "modern", options = new { font_size = "big" } });
        await response.AssertValidationProblemAsync("options.font_size");
    }

    [Fact]
    public async Task A_preview_of_another_users_generation_is_404()
    {
        var owner = await ExportScenario.CreateAsync(host);
        var stranger = await host.RegisterUserAsync();
        using var response = await stranger.Client.PostJsonAsync("/api/v1/exports/preview",
            new { generation_id = owner.GenerationId, template = "modern" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task<byte[]> PreviewAsync(ExportScenario scenario, object body)
    {
        using var response = await scenario.User.Client.PostJsonAsync("/api/v1/exports/preview", body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
    }
}
