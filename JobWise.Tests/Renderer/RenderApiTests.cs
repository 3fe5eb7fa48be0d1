using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JobWise.Contracts;
using JobWise.Renderer.Preview;
using Microsoft.Extensions.DependencyInjection;

namespace JobWise.Tests.Renderer;

public sealed class RenderApiTests(RendererFactory renderer) : IClassFixture<RendererFactory>
{
    [Fact]
    public async Task Catalogue_lists_the_four_templates_with_fonts_defaults_and_supported_options()
    {
        var catalogue = await renderer.CreateClient().GetFromJsonAsync<TemplateCatalogue>("/templates", ContractJson.Options, TestContext.Current.CancellationToken);
        Assert.Equal(["ats_optimized", "classic", "creative", "modern"], catalogue!.Templates.Select(template => template.Id));
        Assert.All(catalogue.Templates, template =>
        {
            Assert.NotEmpty(template.Name);
            Assert.NotEmpty(template.BestFor);
            Assert.Contains(template.DefaultOptions.FontFamily, template.AllowedFonts);
            Assert.Contains("page_size", template.SupportedOptions);
        });
        Assert.DoesNotContain("accent_color", catalogue.Templates.Single(template => template.Id == "ats_optimized").SupportedOptions);
    }

    [Theory]
    [InlineData("modern", "{\"accent_color\": \"blue\"}", "options.accent_color")]
    [InlineData("modern", "{\"accent_color\": \"#12345\"}", "options.accent_color")]
    [InlineData("modern", "{\"font_family\": \"Comic Sans MS\"}", "options.font_family")]
    [InlineData("classic", "{\"font_family\": \"Liberation Sans\"}", "options.font_family")]
    [InlineData("modern", "{\"font_size\": 40}", "options.font_size")]
    [InlineData("modern", "{\"line_spacing\": 0.2}", "options.line_spacing")]
    [InlineData("modern", "{\"margins\": -3}", "options.margins")]
    [InlineData("modern", "{\"page_size\": \"A3\"}", "options.page_size")]
    [InlineData("ats_optimized", "{\"accent_color\": \"#FF0000\"}", "options.accent_color")]
    public async Task Bad_option_is_400_naming_the_option(string template, string options, string field)
    {
        var body = $"{{\"template\": \"{template}\", \"format\": \"pdf\", \"content\": {{\"header\": {{\"name\": \"A\"}}}}, \"options\": {options}}}";
        using var response = await renderer.CreateClient().PostAsync("/render", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(error => error.Name));
        Assert.False(string.IsNullOrWhiteSpace(errors.GetProperty(field)[0].GetString()));
    }

    [Fact]
    public async Task Unknown_section_type_and_missing_name_are_400_naming_the_fields()
    {
        var request = new RenderRequest
        {
            Template = "modern",
            Content = new ResumeDocument { Sections = [new ResumeSection { Type = "hobbies" }] },
        };
        using var response = await renderer.RenderAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var fields = problem.RootElement.GetProperty("errors").EnumerateObject().Select(error => error.Name).ToList();
        Assert.Contains("content.sections[0].type", fields);
        Assert.Contains("content.header.name", fields);
    }

    [Fact]
    public async Task Unknown_template_is_404_for_render_and_preview()
    {
        using var render = await renderer.RenderAsync(new RenderRequest { Content = RendererFactory.SampleResume(), Template = "baroque" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, render.StatusCode);
        Assert.Equal("application/problem+json", render.Content.Headers.ContentType?.MediaType);
        using var preview = await renderer.CreateClient().GetAsync("/templates/baroque/preview", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, preview.StatusCode);
    }

    [Theory]
    [InlineData("modern")]
    [InlineData("classic")]
    [InlineData("creative")]
    [InlineData("ats_optimized")]
    public async Task Preview_is_a_page_sized_png_cached_after_the_first_render(string template)
    {
        var client = renderer.CreateClient();
        using var first = await client.GetAsync($"/templates/{template}/preview", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("image/png", first.Content.Headers.ContentType?.MediaType);
        var png = await first.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        var width = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16));
        var height = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20));
        Assert.Equal((794, 1123), (width, height));
        Assert.True(png.Length > 20_000, "An A4 page with a full resume should not be a near-empty image.");

        Assert.True(renderer.Services.GetRequiredService<TemplatePreviews>().IsCached(template));
        var second = await client.GetByteArrayAsync($"/templates/{template}/preview", TestContext.Current.CancellationToken);
        Assert.Equal(png, second);
    }
}
