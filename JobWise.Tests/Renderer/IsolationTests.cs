using System.Net;
using System.Text;
using JobWise.Contracts;
using JobWise.Renderer.Browser;
using Microsoft.Extensions.DependencyInjection;

namespace JobWise.Tests.Renderer;

/// <summary>Nothing in a document reaches the network or the file system, and markup in a field stays text.</summary>
public sealed class IsolationTests(RendererFactory renderer) : IClassFixture<RendererFactory>
{
    private static readonly TimeSpan SettleTime = TimeSpan.FromMilliseconds(700);

    private static string[] Payloads(int port) =>
    [
        $"<img src=\"http://127.0.0.1:{port}/img\">",
        $"<link rel=\"stylesheet\" href=\"http://127.0.0.1:{port}/css\">",
        "<iframe src=\"file:///etc/passwd\"></iframe>",
        $"<meta http-equiv=\"refresh\" content=\"0;url=http://127.0.0.1:{port}/refresh\">",
    ];

    [Theory]
    [InlineData(RenderFormats.Pdf, "modern")]
    [InlineData(RenderFormats.Pdf, "creative")]
    [InlineData(RenderFormats.Docx, "classic")]
    public async Task Markup_in_fields_is_literal_text_and_reaches_neither_network_nor_files(string format, string template)
    {
        using var listener = new LoopbackListener();
        var payloads = Payloads(listener.Port);
        var resume = RendererFactory.SampleResume();
        resume.Header.Name = payloads[0];
        resume.Header.Title = payloads[1];
        resume.Sections[0].Text = payloads[2];
        resume.Sections.Single(section => section.Type == SectionTypes.Experience).Items[0].Highlights.Add(payloads[3]);
        resume.Header.Links.Add(new ResumeLink { Label = payloads[2], Url = $"http://127.0.0.1:{listener.Port}/link" });

        using var response = await renderer.RenderAsync(new RenderRequest { Content = resume, Template = template, Format = format }, TestContext.Current.CancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, Encoding.UTF8.GetString(bytes));
        await Task.Delay(SettleTime, TestContext.Current.CancellationToken);

        Assert.Equal(0, listener.Connections);
        var text = format == RenderFormats.Pdf
            ? PdfInspection.Text(bytes)
            : PdfInspection.Normalise(DocxText(bytes));
        foreach (var payload in payloads)
        {
            Assert.Contains(PdfInspection.Normalise(payload), text);
        }
        Assert.DoesNotContain("root:x:0:0", text);
    }

    [Fact]
    public async Task Pooled_page_blocks_requests_and_file_access_even_for_raw_html()
    {
        // Bypasses the templates' escaping: the page itself must refuse to fetch anything.
        using var listener = new LoopbackListener();
        var background = "body { background: url(\"http://127.0.0.1:" + listener.Port + "/bg\"); }";
        var html = $"""
            <html><head>{Payloads(listener.Port)[1]}
            <style>@import url("http://127.0.0.1:{listener.Port}/import"); {background}</style></head>
            <body><p>visible body text</p>{Payloads(listener.Port)[0]}
            <iframe src="file:///etc/passwd" width="600" height="400"></iframe>
            <object data="file:///etc/passwd" type="text/plain" width="600" height="400"></object>
            <iframe src="http://127.0.0.1:{listener.Port}/frame"></iframe>
            <script>fetch("http://127.0.0.1:{listener.Port}/script"); document.write("script ran");</script>
            </body></html>
            """;
        var pool = renderer.Services.GetRequiredService<PagePool>();
        var pdf = await pool.RunAsync(async (page, token) =>
        {
            await PagePool.SetDocumentAsync(page, html, token);
            await Task.Delay(SettleTime, token);
            return await page.PdfDataAsync();
        }, TestContext.Current.CancellationToken);
        await Task.Delay(SettleTime, TestContext.Current.CancellationToken);

        Assert.Equal(0, listener.Connections);
        var text = PdfInspection.Text(pdf);
        Assert.Contains("visiblebodytext", text);
        Assert.DoesNotContain("root:", text);
        Assert.DoesNotContain("scriptran", text);
    }

    [Fact]
    public async Task Pooled_page_does_not_follow_a_meta_refresh_in_raw_html()
    {
        using var listener = new LoopbackListener();
        var html = $"<html><head>{Payloads(listener.Port)[3]}</head><body><p>refresh</p></body></html>";
        var pool = renderer.Services.GetRequiredService<PagePool>();
        await pool.RunAsync(async (page, token) =>
        {
            await PagePool.SetDocumentAsync(page, html, token);
            await Task.Delay(SettleTime, token);
            return await page.PdfDataAsync();
        }, TestContext.Current.CancellationToken);
        await Task.Delay(SettleTime, TestContext.Current.CancellationToken);

        Assert.Equal(0, listener.Connections);
    }

    private static string DocxText(byte[] bytes)
    {
        using var docx = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(bytes), false);
        return docx.MainDocumentPart!.Document!.Body!.InnerText;
    }
}
