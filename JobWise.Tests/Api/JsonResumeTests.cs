using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using JobWise.Tests.Infrastructure;

namespace JobWise.Tests.Api;

/// <summary>Import from and export to JSON Resume, checked against the official schema (npm @jsonresume/schema 1.3.1).</summary>
public sealed class JsonResumeTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static readonly string Folder = JsonResumeSchema.Folder;

    /// <summary>Fields of the official sample that the resume document has no place for (listed in the README).</summary>
    private static readonly string[] FieldsOnlyJsonResumeHas = ["meta", "basics.image", "projects[].roles", "projects[].type"];

    [Fact]
    public async Task Importing_the_official_sample_and_exporting_it_keeps_every_field_both_models_have()
    {
        var user = await host.RegisterUserAsync();
        var original = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Folder, "sample.resume.json"), TestContext.Current.CancellationToken))!;

        using var import = await user.Client.SendRawJsonAsync(HttpMethod.Post, "/api/v1/profile/import/json-resume", original.ToJsonString());
        Assert.True(import.StatusCode == HttpStatusCode.OK, (await import.ReadJsonAsync()).ToJsonString());
        using var export = await user.Client.GetAsync("/api/v1/profile/export/json-resume", TestContext.Current.CancellationToken);
        var exported = await export.ReadJsonAsync();

        AssertValidAgainstSchema(exported);
        var expected = original.DeepClone();
        foreach (var path in FieldsOnlyJsonResumeHas)
        {
            Remove(expected, path.Split('.'));
        }
        Remove(expected, ["$schema"]);
        Remove(exported, ["$schema"]);
        exported.AsObject().Remove("certificates");
        Assert.True(JsonNode.DeepEquals(expected, exported), $"expected:\n{expected}\nexported:\n{exported}");
    }

    [Fact]
    public async Task Every_field_of_the_official_sample_survives_import_and_export_one_by_one()
    {
        var user = await host.RegisterUserAsync();
        var original = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Folder, "sample.resume.json"), TestContext.Current.CancellationToken))!;
        using var import = await user.Client.SendRawJsonAsync(HttpMethod.Post, "/api/v1/profile/import/json-resume", original.ToJsonString());
        var content = (await import.ReadJsonAsync())["content"]!;
        using var export = await user.Client.GetAsync("/api/v1/profile/export/json-resume", TestContext.Current.CancellationToken);
        var exported = await export.ReadJsonAsync();

        var lost = Leaves(original, "")
            .Where(leaf => !FieldsOnlyJsonResumeHas.Any(field => Pattern(leaf.Path).StartsWith(field, StringComparison.Ordinal)) && leaf.Path != "$schema")
            .Where(leaf => Find(exported, leaf.Path) is not JsonValue value || value.ToJsonString() != leaf.Value.ToJsonString())
            .Select(leaf => leaf.Path)
            .ToList();
        Assert.True(lost.Count == 0, $"lost or changed: {string.Join(", ", lost)}");

        // The fields this import used to drop, where the resume document holds them.
        var header = content["header"]!;
        Assert.Equal("neutralthoughts", header["links"]![1]!["username"]!.GetValue<string>());
        Assert.Equal("San Francisco", header["location"]!.GetValue<string>());
        Assert.Equal("2712 Broadway St", header["address"]!["street"]!.GetValue<string>());
        Assert.Equal("CA 94115", header["address"]!["postal_code"]!.GetValue<string>());
        Assert.Equal("California", header["address"]!["region"]!.GetValue<string>());
        Assert.Equal("US", header["address"]!["country_code"]!.GetValue<string>());
        var experience = content["sections"]!.AsArray().Single(section => section!["type"]!.GetValue<string>() == "experience")!;
        Assert.Equal("Awesome compression company", experience["items"]![0]!["organization_description"]!.GetValue<string>());
        var projects = content["sections"]!.AsArray().Single(section => section!["type"]!.GetValue<string>() == "projects")!;
        Assert.Equal("Smoogle", projects["items"]![0]!["organization"]!.GetValue<string>());
    }

    /// <summary>Every value of a JSON tree with its path (<c>work[0].highlights[2]</c>).</summary>
    private static IEnumerable<(string Path, JsonValue Value)> Leaves(JsonNode? node, string path) => node switch
    {
        JsonObject obj => obj.SelectMany(property => Leaves(property.Value, path.Length == 0 ? property.Key : $"{path}.{property.Key}")),
        JsonArray array => array.SelectMany((element, index) => Leaves(element, $"{path}[{index}]")),
        JsonValue value => [(path, value)],
        _ => [],
    };

    private static JsonNode? Find(JsonNode? node, string path) =>
        Leaves(node, "").Where(leaf => leaf.Path == path).Select(leaf => (JsonNode?)leaf.Value).FirstOrDefault();

    /// <summary>A path with its indexes as <c>[]</c>, the way <see cref="FieldsOnlyJsonResumeHas"/> names fields.</summary>
    private static string Pattern(string path) => System.Text.RegularExpressions.Regex.Replace(path, @"\[\d+\]", "[]");

    [Fact]
    public async Task A_profile_exported_and_imported_again_is_unchanged()
    {
        var user = await host.RegisterUserAsync();
        var content = FullDocument();
        using var put = await user.Client.PutJsonAsync("/api/v1/profile", new { content });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        using var before = await user.Client.GetAsync("/api/v1/profile", TestContext.Current.CancellationToken);
        var original = (await before.ReadJsonAsync())["content"]!;

        using var export = await user.Client.GetAsync("/api/v1/profile/export/json-resume", TestContext.Current.CancellationToken);
        var exported = await export.ReadJsonAsync();
        AssertValidAgainstSchema(exported);
        using var import = await user.Client.SendRawJsonAsync(HttpMethod.Post, "/api/v1/profile/import/json-resume", exported.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        var roundTripped = (await import.ReadJsonAsync())["content"]!;

        Assert.True(JsonNode.DeepEquals(original, roundTripped), $"before:\n{original}\nafter:\n{roundTripped}");
    }

    [Fact]
    public async Task An_import_that_is_not_json_resume_is_a_400_and_changes_nothing()
    {
        var user = await host.RegisterUserAsync();
        using var response = await user.Client.SendRawJsonAsync(HttpMethod.Post, "/api/v1/profile/import/json-resume",
            """{"basics":{"name":"X"},"work":[{"highlights":"not a list"}]}""");
        await response.AssertValidationProblemAsync("work[0].highlights");
        using var get = await user.Client.GetAsync("/api/v1/profile", TestContext.Current.CancellationToken);
        Assert.Equal("Jordan Rivera", (await get.ReadJsonAsync())["content"]!["header"]!["name"]!.GetValue<string>());
    }

    private static void AssertValidAgainstSchema(JsonNode document) => JsonResumeSchema.AssertValid(document);

    private static void Remove(JsonNode? node, string[] path)
    {
        if (node is null || path.Length == 0)
        {
            return;
        }
        var key = path[0];
        var each = key.EndsWith("[]", StringComparison.Ordinal);
        var name = each ? key[..^2] : key;
        if (node is not JsonObject obj || !obj.ContainsKey(name))
        {
            return;
        }
        if (path.Length == 1 && !each)
        {
            obj.Remove(name);
            return;
        }
        if (each)
        {
            foreach (var element in obj[name]!.AsArray())
            {
                Remove(element, path[1..]);
            }
        }
        else
        {
            Remove(obj[name], path[1..]);
        }
    }

    /// <summary>Every section JSON Resume has, with the titles and order an import gives.</summary>
    private static object FullDocument() => new
    {
        header = new
        {
            name = "Jordan Rivera", title = "Backend Engineer", email = "jordan@example.com", phone = "+1 555 0100", location = "Seattle",
            address = new { street = "1 Pike St\nApt 4", postal_code = "98101", region = "Washington", country_code = "US" },
            links = new object[] { new { label = "Website", url = "https://jordan.example.com" }, new { label = "GitHub", url = "https://github.com/jrivera", username = "jrivera" } },
        },
        sections = new object[]
        {
            new { type = "professional_summary", title = "Summary", text = "Engineer who ships." },
            new { type = "experience", title = "Experience", items = new[] { new { title = "Engineer", organization = "Northwind",
                organization_description = "Wholesale food distributor", location = "Seattle",
                url = "https://northwind.example.com", start = "2021-03", end = "2024-01", description = "Payments team.", highlights = new[] { "Cut p95 by 40%" } } } },
            new { type = "skills", title = "Skills", groups = new[] { new { name = "Languages", level = "Expert", items = new[] { "C#", "SQL" } } } },
            new { type = "education", title = "Education", items = new[] { new { institution = "State University", url = "https://state.example.edu",
                field = "Computer Science", degree = "BSc", start = "2015", end = "2019", score = "3.8", courses = new[] { "Databases" } } } },
            new { type = "projects", title = "Projects", items = new[] { new { name = "jobwise", organization = "Open source", description = "Resume backend", highlights = new[] { "Fast PDFs" },
                technologies = new[] { ".NET" }, start = "2024-02", end = "2024-06", url = "https://github.com/jrivera/jobwise" } } },
            new { type = "volunteer", title = "Volunteering", items = new[] { new { organization = "Code Club", title = "Mentor", url = "https://codeclub.example.org",
                start = "2020", end = "2022", description = "Taught kids.", highlights = new[] { "40 students" } } } },
            new { type = "certifications", title = "Certifications", items = new[] { new { name = "CKA", date = "2023-05", url = "https://cncf.example.io", organization = "CNCF" } } },
            new { type = "awards", title = "Awards", items = new[] { new { title = "Hackathon winner", date = "2022-11-01", organization = "DevConf", description = "First place." } } },
            new { type = "publications", title = "Publications", items = new[] { new { name = "On queues", organization = "ACM", date = "2021",
                url = "https://acm.example.org/q", description = "A paper." } } },
            new { type = "languages", title = "Languages", items = new[] { new { name = "Spanish", fluency = "Fluent" } } },
            new { type = "interests", title = "Interests", items = new[] { new { name = "Climbing", keywords = new[] { "bouldering" } } } },
            new { type = "references", title = "References", items = new[] { new { name = "Sam Lee", description = "Jordan is great." } } },
        },
    };
}
