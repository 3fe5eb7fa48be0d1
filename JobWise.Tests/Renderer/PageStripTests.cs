using System.Net;
using System.Net.Http.Json;
using JobWise.Contracts;

namespace JobWise.Tests.Renderer;

/// <summary>The renderer's thumbnail strip: every printed page, side by side, in one PNG.</summary>
public sealed class PageStripTests(RendererFactory renderer) : IClassFixture<RendererFactory>
{
    [Fact]
    public async Task A_strip_of_every_page_is_one_png_as_wide_as_its_pages()
    {
        using var client = renderer.CreateClient();
        using var response = await client.PostAsJsonAsync("/render/preview?pages=all",
            new RenderRequest { Content = RendererFactory.SampleResume(), Template = "modern" }, ContractJson.Options, TestContext.Current.CancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, System.Text.Encoding.UTF8.GetString(bytes));
        var strip = BigGustave.Png.Open(bytes);
        // Kept for a person to look at, beside the visual tests' output (not compared: the visual tests cover layout).
        var output = Path.Combine(JobWise.Tests.Infrastructure.RepositoryPaths.Root, "JobWise.Tests", "Visual", "Output");
        Directory.CreateDirectory(output);
        await File.WriteAllBytesAsync(Path.Combine(output, "page-strip-modern.png"), bytes, TestContext.Current.CancellationToken);
        Assert.True(strip.Width > strip.Height, $"{strip.Width}×{strip.Height}");
    }
}
