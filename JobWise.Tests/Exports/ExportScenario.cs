using System.Net.Http.Json;
using System.Text.Json.Nodes;
using JobWise.Tests.Infrastructure;

namespace JobWise.Tests.Exports;

/// <summary>A signed-in user with a job and a generation made from the shipped sample resume, ready to export.</summary>
public sealed record ExportScenario(SignedInUser User, string JobId, string GenerationId)
{
    public static Task<ExportScenario> CreateAsync(ApiHost host, string company = "Northwind Traders") =>
        CreateAsync(host.CreateClient, company);

    public static async Task<ExportScenario> CreateAsync(Func<HttpClient> newClient, string company = "Northwind Traders")
    {
        var user = await ApiClientExtensions.RegisterUserAsync(newClient);
        var sample = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "templates", "sample-resume.json"),
            TestContext.Current.CancellationToken))!;
        using var job = await user.Client.PostJsonAsync("/api/v1/jobs", new { title = "Senior Backend Engineer", company });
        var jobId = (await job.ReadJsonAsync())["id"]!.GetValue<string>();
        using var generation = await user.Client.PostAsJsonAsync("/api/v1/generations",
            new JsonObject { ["job_id"] = jobId, ["content_structured"] = sample }, TestContext.Current.CancellationToken);
        var body = await generation.ReadJsonAsync();
        Assert.True(generation.IsSuccessStatusCode, body.ToJsonString());
        return new ExportScenario(user, jobId, body["id"]!.GetValue<string>());
    }

    public Task<HttpResponseMessage> ExportAsync(string format, string template, object? options = null) =>
        User.Client.PostJsonAsync($"/api/v1/exports/{format}", new { generation_id = GenerationId, template, options });
}
