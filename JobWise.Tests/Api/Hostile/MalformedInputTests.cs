using System.Net;
using JobWise.Tests.Exports;
using JobWise.Tests.Infrastructure;

namespace JobWise.Tests.Api.Hostile;

/// <summary>
/// The malformed inputs that once made the API answer 5xx, one by one: each is now a 400 naming the field, and the
/// stored data is what it was before.
/// </summary>
public sealed class MalformedInputTests(ExportsApiHost host) : IClassFixture<ExportsApiHost>
{
    [Theory]
    [InlineData("""{"content":{"header":{"name":"A","links":[null]}}}""", "content.header.links[0]")]
    [InlineData("""{"content":{"header":{"name":"A"},"sections":[{"type":"custom"},null]}}""", "content.sections[1]")]
    [InlineData("""{"content":{"header":{"name":"A"},"sections":[{"type":"skills","groups":[null]}]}}""", "content.sections[0].groups[0]")]
    [InlineData("""{"content":{"header":{"name":"A"},"sections":[{"type":"skills","groups":[{"name":"x","items":[null]}]}]}}""", "content.sections[0].groups[0].items[0]")]
    [InlineData("""{"content":{"header":{"name":"A"},"sections":[{"type":"experience","items":[null]}]}}""", "content.sections[0].items[0]")]
    [InlineData("""{"content":{"header":{"name":"A"},"sections":[{"type":"experience","items":[{"title":"x","highlights":[null]}]}]}}""", "content.sections[0].items[0].highlights[0]")]
    [InlineData("""{"content":{"header":{"name":"A"},"sections":null}}""", "content.sections")]
    [InlineData("""{"content":{"header":{"name":"A","links":null}}}""", "content.header.links")]
    [InlineData("""{"content":{"header":{"name":"A","links":[{"label":null,"url":"https://example.com"}]}}}""", "content.header.links[0].label")]
    public async Task A_null_inside_the_resume_is_400_naming_its_place_and_changes_nothing(string json, string field)
    {
        var user = await host.RegisterUserAsync();
        var before = await ProfileAsync(user);
        using var put = await user.Client.SendRawJsonAsync(HttpMethod.Put, "/api/v1/profile", json);
        await put.AssertValidationProblemAsync(field);

        var generation = json.Replace("\"content\"", "\"content_structured\"", StringComparison.Ordinal);
        using var post = await user.Client.SendRawJsonAsync(HttpMethod.Post, "/api/v1/generations", generation);
        await post.AssertValidationProblemAsync(field.Replace("content", "content_structured", StringComparison.Ordinal));

        Assert.Equal(before, await ProfileAsync(user));
        Assert.Equal(0, await CountAsync(user, "/api/v1/generations"));
    }

    [Theory]
    [InlineData("""{"work":[null]}""", "work[0]")]
    [InlineData("""{"skills":[{"name":"x"},null]}""", "skills[1]")]
    [InlineData("""{"basics":{"name":"A","profiles":[null]}}""", "basics.profiles[0]")]
    [InlineData("""{"basics":{"name":"A"},"work":[{"name":"x","highlights":[null]}]}""", "work[0].highlights[0]")]
    [InlineData("""{"basics":{"name":"A\u0000B"}}""", "basics.name")]
    [InlineData("""{"basics":{"name":"A\ud800"}}""", "basics.name")]
    public async Task A_malformed_json_resume_import_is_400_naming_its_place_and_changes_nothing(string json, string field)
    {
        var user = await host.RegisterUserAsync();
        var before = await ProfileAsync(user);
        using var response = await user.Client.SendRawJsonAsync(HttpMethod.Post, "/api/v1/profile/import/json-resume", json);
        await response.AssertValidationProblemAsync(field);
        Assert.Equal(before, await ProfileAsync(user));
    }

    [Theory]
    [InlineData("\\u0000")]
    [InlineData("\\u0007")]
    [InlineData("\\u001b")]
    [InlineData("\\ufffe")]
    [InlineData("\\uffff")]
    [InlineData("\\ud800")]
    [InlineData("\\udc00")]
    [InlineData("\\ud83f\\udffe")]
    public async Task A_control_or_non_character_in_a_text_field_is_400_naming_the_field_and_changes_nothing(string escaped)
    {
        var user = await host.RegisterUserAsync();
        var before = await ProfileAsync(user);
        var text = $"A{escaped}B";
        var requests = new (HttpMethod Method, string Path, string Json, string Field)[]
        {
            (HttpMethod.Put, "/api/v1/profile", """{"content":{"header":{"name":"§"}}}""".Replace("§", text, StringComparison.Ordinal), "content.header.name"),
            (HttpMethod.Put, "/api/v1/profile", """{"content":{"header":{"name":"Ada Lovelace"},"sections":[{"type":"experience","items":[{"title":"x","highlights":["§"]}]}]}}""".Replace("§", text, StringComparison.Ordinal), "content.sections[0].items[0].highlights[0]"),
            (HttpMethod.Post, "/api/v1/generations", """{"content_structured":{"header":{"name":"Ada Lovelace"},"sections":[{"type":"custom","title":"§"}]}}""".Replace("§", text, StringComparison.Ordinal), "content_structured.sections[0].title"),
            (HttpMethod.Post, "/api/v1/jobs", """{"title":"§","company":"Contoso"}""".Replace("§", text, StringComparison.Ordinal), "title"),
            (HttpMethod.Post, "/api/v1/jobs", """{"title":"Engineer","company":"Contoso","description":"§"}""".Replace("§", text, StringComparison.Ordinal), "description"),
        };
        foreach (var (method, path, json, field) in requests)
        {
            using var response = await user.Client.SendRawJsonAsync(method, path, json);
            await response.AssertValidationProblemAsync(field);
        }
        using var register = await host.CreateClient().SendRawJsonAsync(HttpMethod.Post, "/api/v1/auth/register",
            $$"""{"email":"{{Guid.NewGuid():N}}@example.com","password":"correct horse battery","full_name":"{{text}}"}""");
        await register.AssertValidationProblemAsync("full_name");
        using var login = await host.CreateClient().SendRawJsonAsync(HttpMethod.Post, "/api/v1/auth/login",
            $$"""{"email":"a{{escaped}}@example.com","password":"correct horse battery"}""");
        await login.AssertValidationProblemAsync("email");

        Assert.Equal(before, await ProfileAsync(user));
        Assert.Equal(0, await CountAsync(user, "/api/v1/jobs"));
        Assert.Equal(0, await CountAsync(user, "/api/v1/generations"));
    }

    [Theory]
    [InlineData("a(comment)@example.com")]
    [InlineData("a@example.com(comment)")]
    [InlineData("\"a b\"@example.com")]
    [InlineData("a@b@example.com")]
    [InlineData("a@.example.com")]
    public async Task An_email_a_mail_link_cannot_carry_is_400_at_registration_and_in_the_resume(string email)
    {
        using var register = await host.CreateClient().PostJsonAsync("/api/v1/auth/register",
            new { email, password = "correct horse battery", full_name = "Ada Lovelace" });
        await register.AssertValidationProblemAsync("email");

        var user = await host.RegisterUserAsync();
        var before = await ProfileAsync(user);
        using var put = await user.Client.PutJsonAsync("/api/v1/profile",
            new { content = new { header = new { name = "Ada Lovelace", email } } });
        await put.AssertValidationProblemAsync("content.header.email");
        Assert.Equal(before, await ProfileAsync(user));
    }

    [Theory]
    [InlineData("docx", """{"accent_color":"#FFFFFF\n"}""", "options.accent_color")]
    [InlineData("pdf", """{"accent_color":"#FFFFFF\n"}""", "options.accent_color")]
    [InlineData("pdf", """{"font_size":1e400}""", "options.font_size")]
    [InlineData("docx", """{"margins":-1e400}""", "options.margins")]
    [InlineData("pdf", """{"font_family":"Liberation Sans\u0000"}""", "options.font_family")]
    [InlineData("pdf", """{"page_size":"A4\n"}""", "options.page_size")]
    [InlineData("pdf", """{"\ud800":1}""", "options")]
    public async Task Export_options_the_renderer_cannot_use_are_400_naming_the_option_and_store_nothing(string format, string options, string field)
    {
        var scenario = await ExportScenario.CreateAsync(host);
        var keysBefore = host.StoredKeys().Count;
        var json = $$"""{"generation_id":"{{scenario.GenerationId}}","template":"modern","options":{{options}}}""";
        using var response = await scenario.User.Client.SendRawJsonAsync(HttpMethod.Post, $"/api/v1/exports/{format}", json);
        await response.AssertValidationProblemAsync(field);
        Assert.Equal(0, await CountAsync(scenario.User, "/api/v1/exports/files"));
        Assert.Equal(keysBefore, host.StoredKeys().Count);
    }

    [Fact]
    public async Task A_stored_resume_with_an_email_and_text_of_every_script_exports_in_both_formats()
    {
        var scenario = await ExportScenario.CreateAsync(host);
        using var put = await scenario.User.Client.PutJsonAsync("/api/v1/profile", new
        {
            content = new
            {
                header = new { name = "Zoë Ångström 李小龍 😀", email = "zoe+cv@example.com", links = new[] { new { label = "Tab\tbed", url = "https://example.com/a?b=c&d=<e>" } } },
                sections = new object[] { new { type = "professional_summary", text = "Line one\r\nLine two\twith a tab; {{ liquid }} {% raw %} <script>alert(1)</script>" } },
            },
        });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        using var generation = await scenario.User.Client.PostJsonAsync("/api/v1/generations", new { });
        var generationId = (await generation.ReadJsonAsync())["id"]!.GetValue<string>();
        foreach (var format in new[] { "pdf", "docx" })
        {
            using var export = await scenario.User.Client.PostJsonAsync($"/api/v1/exports/{format}", new { generation_id = generationId, template = "modern" });
            Assert.True(export.StatusCode == HttpStatusCode.Created, $"{format}: {(int)export.StatusCode} {(await export.ReadJsonAsync()).ToJsonString()}");
        }
    }

    private static async Task<string> ProfileAsync(SignedInUser user)
    {
        using var response = await user.Client.GetAsync("/api/v1/profile", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).ToJsonString();
    }

    private static async Task<int> CountAsync(SignedInUser user, string path)
    {
        using var response = await user.Client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadPageAsync()).Total;
    }
}
