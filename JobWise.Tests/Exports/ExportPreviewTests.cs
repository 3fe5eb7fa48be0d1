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
