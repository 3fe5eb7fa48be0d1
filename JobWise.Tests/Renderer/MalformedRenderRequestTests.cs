using System.Net;
using System.Text.Json;

namespace JobWise.Tests.Renderer;

/// <summary>Content or options the renderer cannot lay out are 4xx naming the field; a 500 would mean a bug of its own.</summary>
public sealed class MalformedRenderRequestTests(RendererFactory renderer) : IClassFixture<RendererFactory>
{
    [Theory]
    [InlineData("""{"header":{"name":"A","links":[null]}}""", "content.header.links[0]")]
    [InlineData("""{"header":{"name":"A"},"sections":[null]}""", "content.sections[0]")]
    [InlineData("""{"header":{"name":"A"},"sections":null}""", "content.sections")]
    [InlineData("""{"header":null}""", "content.header")]
    [InlineData("""{"header":{"name":"A"},"sections":[{"type":"skills","groups":[null]}]}""", "content.sections[0].groups[0]")]
    [InlineData("""{"header":{"name":"A"},"sections":[{"type":"skills","groups":[{"name":"x","items":["C#",null]}]}]}""", "content.sections[0].groups[0].items[1]")]
    [InlineData("""{"header":{"name":"A"},"sections":[{"type":"experience","items":[null]}]}""", "content.sections[0].items[0]")]
    [InlineData("""{"header":{"name":"A"},"sections":[{"type":"experience","items":[{"title":"x","highlights":[null]}]}]}""", "content.sections[0].items[0].highlights[0]")]
    [InlineData("""{"header":{"name":"A\u0000"}}""", "content.header.name")]
    [InlineData("""{"header":{"name":"A\uffff"}}""", "content.header.name")]
    [InlineData("""{"header":{"name":"A"},"sections":[{"type":"custom","text":"x\u0001"}]}""", "content.sections[0].text")]
    public async Task Content_it_cannot_lay_out_is_400_naming_the_field_in_both_formats(string content, string field)
    {
        foreach (var format in new[] { "pdf", "docx" })
        {
            var body = $$"""{"template":"modern","format":"{{format}}","content":{{content}}}""";
            await AssertBadRequestAsync(body, field);
        }
    }

    [Theory]
    [InlineData("""{"accent_color":"#FFFFFF\n"}""", "options.accent_color")]
    [InlineData("""{"page_size":"A4\n"}""", "options.page_size")]
    [InlineData("""{"font_family":"Liberation Sans\u0000"}""", "options.font_family")]
    public async Task Options_with_trailing_or_control_characters_are_400_in_both_formats(string options, string field)
    {
        foreach (var format in new[] { "pdf", "docx" })
        {
            var body = $$$"""{"template":"modern","format":"{{{format}}}","content":{"header":{"name":"A"}},"options":{{{options}}}}""";
            await AssertBadRequestAsync(body, field);
        }
    }

    [Theory]
    [InlineData("a(comment)@example.com")]
    [InlineData("not an address")]
    [InlineData("a@b@c")]
    public async Task An_email_that_is_no_mail_link_is_laid_out_as_plain_text(string email)
    {
        foreach (var format in new[] { "pdf", "docx" })
        {
            var body = JsonSerializer.Serialize(new { template = "modern", format, content = new { header = new { name = "A", email } } });
            using var response = await PostAsync(body);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{format}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        }
    }

    [Fact]
    public async Task A_lone_surrogate_escape_is_400_in_both_formats()
    {
        foreach (var format in new[] { "pdf", "docx" })
        {
            using var response = await PostAsync("""{"template":"modern","format":"FORMAT","content":{"header":{"name":"A\ud800"}}}""".Replace("FORMAT", format, StringComparison.Ordinal));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }

    private async Task AssertBadRequestAsync(string body, string field)
    {
        using var response = await PostAsync(body);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text} for {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(text);
        Assert.True(problem.RootElement.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _), $"errors do not name '{field}': {text}");
    }

    private Task<HttpResponseMessage> PostAsync(string body) =>
        renderer.CreateClient().PostAsync("/render", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
}
