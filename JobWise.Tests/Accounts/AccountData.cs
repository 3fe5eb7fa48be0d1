using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using JobWise.Tests.Exports;
using JobWise.Tests.Infrastructure;

namespace JobWise.Tests.Accounts;

/// <summary>
/// An account holding one of everything, made through the API: a full profile, two jobs, generations made from the
/// profile (tailored, with a match report) and from explicit content, PDF, DOCX and batch-ZIP exports, ATS reports.
/// </summary>
public sealed record AccountData(
    ExportScenario Scenario, IReadOnlyList<string> JobIds, IReadOnlyList<string> GenerationIds, IReadOnlyList<string> ExportIds,
    string TailoredGenerationId)
{
    public SignedInUser User => Scenario.User;

    public static async Task<AccountData> CreateAsync(ApiHost host)
    {
        var scenario = await ExportScenario.CreateAsync(host);
        var client = scenario.User.Client;
        var sample = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "templates", "sample-resume.json"),
            TestContext.Current.CancellationToken))!;
        await ExpectAsync(HttpStatusCode.OK, client.PutAsJsonAsync("/api/v1/profile", new JsonObject { ["content"] = sample.DeepClone() },
            TestContext.Current.CancellationToken));

        var secondJob = await ExpectAsync(HttpStatusCode.Created, client.PostJsonAsync("/api/v1/jobs", new
        {
            title = "Platform Engineer", company = "Contoso", status = "applied", url = "https://contoso.example.com/jobs/1",
            description = "We run PostgreSQL and Kubernetes; you know C#, distributed systems and observability.",
        }));
        var tailored = await ExpectAsync(HttpStatusCode.Created, client.PostJsonAsync("/api/v1/generations", new { job_id = Id(secondJob) }));
        Assert.NotNull(tailored["match"]);
        var untargeted = await ExpectAsync(HttpStatusCode.Created, client.PostAsJsonAsync("/api/v1/generations",
            new JsonObject { ["content_structured"] = sample.DeepClone() }, TestContext.Current.CancellationToken));

        var pdf = await ExpectAsync(HttpStatusCode.Created, scenario.ExportAsync("pdf", "modern"));
        var docx = await ExpectAsync(HttpStatusCode.Created, client.PostJsonAsync("/api/v1/exports/docx",
            new { generation_id = Id(tailored), template = "classic" }));
        var zip = await ExpectAsync(HttpStatusCode.Created, client.PostJsonAsync("/api/v1/exports/batch",
            new { generation_id = Id(untargeted), templates = new[] { "ats_optimized" }, formats = new[] { "pdf", "docx" } }));
        foreach (var withReport in new[] { pdf, docx })
        {
            await ExpectAsync(HttpStatusCode.OK, client.GetAsync($"/api/v1/exports/{Id(withReport)}/ats", TestContext.Current.CancellationToken));
        }
        return new AccountData(scenario, [scenario.JobId, Id(secondJob)], [scenario.GenerationId, Id(tailored), Id(untargeted)],
            [Id(pdf), Id(docx), Id(zip)], Id(tailored));
    }

    public static string Id(JsonNode node) => node["id"]!.GetValue<string>();

    public static async Task<JsonNode> ExpectAsync(HttpStatusCode status, Task<HttpResponseMessage> request)
    {
        using var response = await request;
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body.ToJsonString()}");
        return body;
    }
}
