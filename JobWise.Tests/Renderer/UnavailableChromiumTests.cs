using System.Net;
using JobWise.Contracts;

namespace JobWise.Tests.Renderer;

public sealed class UnavailableChromiumTests(MissingChromiumRendererFactory renderer) : IClassFixture<MissingChromiumRendererFactory>
{
    [Fact]
    public async Task Pdf_is_503_with_retry_after_when_chromium_cannot_start_while_docx_still_works()
    {
        using var pdf = await renderer.RenderAsync(new RenderRequest { Content = RendererFactory.SampleResume(), Template = "modern" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, pdf.StatusCode);
        Assert.Equal("application/problem+json", pdf.Content.Headers.ContentType?.MediaType);
        Assert.True(pdf.Headers.RetryAfter?.Delta > TimeSpan.Zero, "503 without Retry-After");

        using var docx = await renderer.RenderAsync(new RenderRequest { Content = RendererFactory.SampleResume(), Template = "modern", Format = RenderFormats.Docx }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);

        using var health = await renderer.CreateClient().GetAsync("/health", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
    }
}
