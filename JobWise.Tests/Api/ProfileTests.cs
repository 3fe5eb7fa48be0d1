using System.Net;
using System.Text.Json.Nodes;
using JobWise.Tests.Infrastructure;

namespace JobWise.Tests.Api;

public sealed class ProfileTests(ApiHost host) : IClassFixture<ApiHost>
{
    public static object SampleContent(string name = "Jordan Rivera") => new
    {
        header = new { name, title = "Backend Engineer", email = "jordan@example.com", phone = "+1 555 0100", location = "Seattle",
            links = new[] { new { label = "GitHub", url = "https://github.com/jrivera" } } },
        sections = new object[]
        {
            new { type = "professional_summary", title = "Summary", text = "Engineer who ships." },
            new { type = "skills", title = "Skills", groups = new[] { new { name = "Languages", items = new[] { "C#", "SQL" } } } },
            new { type = "experience", title = "Experience", items = new[] { new { title = "Engineer", organization = "Northwind",
                start = "2021-03", highlights = new[] { "Cut p95 latency by 40%" } } } },
        },
    };

    [Fact]
    public async Task A_new_account_has_a_profile_with_its_name_and_email()
    {
        var user = await host.RegisterUserAsync();
        using var response = await user.Client.GetAsync("/api/v1/profile", TestContext.Current.CancellationToken);
        var body = await response.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Jordan Rivera", body["content"]!["header"]!["name"]!.GetValue<string>());
        Assert.Equal(user.Email, body["content"]!["header"]!["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task Put_replaces_the_profile_and_get_returns_it()
    {
        var user = await host.RegisterUserAsync();
        using var put = await user.Client.PutJsonAsync("/api/v1/profile", new { content = SampleContent() });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        using var get = await user.Client.GetAsync("/api/v1/profile", TestContext.Current.CancellationToken);
        var content = (await get.ReadJsonAsync())["content"]!;
        Assert.Equal("Backend Engineer", content["header"]!["title"]!.GetValue<string>());
        Assert.Equal("Cut p95 latency by 40%", content["sections"]![2]!["items"]![0]!["highlights"]![0]!.GetValue<string>());
        Assert.Equal("skills", content["sections"]![1]!["type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"content":{"header":{"name":""},"sections":[]}}""", "content.header.name")]
    [InlineData("""{"content":{"header":{"name":"A"},"sections":[{"type":"hobbies"}]}}""", "content.sections[0].type")]
    [InlineData("""{"content":{"header":{"name":"A"},"sections":[{"type":"experience","items":[{"start":"last spring"}]}]}}""", "content.sections[0].items[0].start")]
    [InlineData("""{"content":{"header":{"name":"A","links":[{"label":"x","url":"javascript:alert(1)"}]}}}""", "content.header.links[0].url")]
    [InlineData("""{"content":{"header":{"name":"A"},"sections":"none"}}""", "content.sections")]
    [InlineData("""{"content":""", "content")]
    [InlineData("""{}""", "content")]
    public async Task Invalid_profile_is_a_400_naming_the_field_and_changes_nothing(string json, string field)
    {
        var user = await host.RegisterUserAsync();
        using var response = await user.Client.SendRawJsonAsync(HttpMethod.Put, "/api/v1/profile", json);
        await response.AssertValidationProblemAsync(field);

        using var get = await user.Client.GetAsync("/api/v1/profile", TestContext.Current.CancellationToken);
        Assert.Equal("Jordan Rivera", (await get.ReadJsonAsync())["content"]!["header"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_profile_body_over_512_KB_is_413()
    {
        var user = await host.RegisterUserAsync();
        var huge = new JsonObject
        {
            ["content"] = new JsonObject
            {
                ["header"] = new JsonObject { ["name"] = "A" },
                ["sections"] = new JsonArray(new JsonObject { ["type"] = "custom", ["text"] = new string('x', 600 * 1024) }),
            },
        };
        using var response = await user.Client.SendRawJsonAsync(HttpMethod.Put, "/api/v1/profile", huge.ToJsonString());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
