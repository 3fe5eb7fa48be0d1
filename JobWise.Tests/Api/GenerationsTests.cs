using System.Net;
using JobWise.Tests.Infrastructure;

namespace JobWise.Tests.Api;

public sealed class GenerationsTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task A_generation_snapshots_the_profile_and_keeps_it_when_the_profile_changes()
    {
        var user = await host.RegisterUserAsync();
        (await user.Client.PutJsonAsync("/api/v1/profile", new { content = ProfileTests.SampleContent("Before Change") })).Dispose();
        using var job = await user.Client.PostJsonAsync("/api/v1/jobs", new { title = "Engineer", company = "Northwind" });
        var jobId = (await job.ReadJsonAsync())["id"]!.GetValue<string>();

        using var created = await user.Client.PostJsonAsync("/api/v1/generations", new { job_id = jobId });
        var generation = await created.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("tailored", generation["source"]!.GetValue<string>());
        Assert.Equal(jobId, generation["job_id"]!.GetValue<string>());

        (await user.Client.PutJsonAsync("/api/v1/profile", new { content = ProfileTests.SampleContent("After Change") })).Dispose();

        // The list shows a summary with the match's coverage; the document itself is only on the generation.
        using var list = await user.Client.GetAsync($"/api/v1/generations?job_id={jobId}", TestContext.Current.CancellationToken);
        var summary = (await list.ReadPageAsync()).Items[0]!;
        Assert.Null(summary["content_structured"]);
        Assert.Equal("Before Change", summary["header"]!["name"]!.GetValue<string>());
        Assert.Equal(generation["match"]!["coverage_score"]!.GetValue<int>(), summary["coverage_score"]!.GetValue<int>());

        using var read = await user.Client.GetAsync($"/api/v1/generations/{generation["id"]}", TestContext.Current.CancellationToken);
        Assert.Equal("Before Change", (await read.ReadJsonAsync())["content_structured"]!["header"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Generations_are_made_from_given_content_listed_by_job_and_deleted()
    {
        var user = await host.RegisterUserAsync();
        using var job = await user.Client.PostJsonAsync("/api/v1/jobs", new { title = "Engineer", company = "Northwind" });
        var jobId = (await job.ReadJsonAsync())["id"]!.GetValue<string>();
        using var forJob = await user.Client.PostJsonAsync("/api/v1/generations", new { job_id = jobId, content_structured = ProfileTests.SampleContent("Explicit") });
        var forJobBody = await forJob.ReadJsonAsync();
        Assert.Equal("explicit", forJobBody["source"]!.GetValue<string>());
        (await user.Client.PostJsonAsync("/api/v1/generations", new { })).Dispose();

        using var all = await user.Client.GetAsync("/api/v1/generations", TestContext.Current.CancellationToken);
        Assert.Equal(2, (await all.ReadPageAsync()).Total);
        using var byJob = await user.Client.GetAsync($"/api/v1/generations?job_id={jobId}", TestContext.Current.CancellationToken);
        var byJobPage = await byJob.ReadPageAsync();
        Assert.Equal(1, byJobPage.Total);
        var summary = byJobPage.Items[0]!.AsObject();
        Assert.Equal(forJobBody["id"]!.GetValue<string>(), summary["id"]!.GetValue<string>());
        Assert.Equal("Explicit", summary["header"]!["name"]!.GetValue<string>());
        Assert.Equal("Backend Engineer", summary["header"]!["title"]!.GetValue<string>());
        Assert.Equal(["id", "job_id", "source", "created_at", "header", "coverage_score"], summary.Select(p => p.Key));

        using var deleted = await user.Client.DeleteAsync($"/api/v1/generations/{forJobBody["id"]}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await user.Client.GetAsync($"/api/v1/generations/{forJobBody["id"]}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Another_users_generation_or_job_is_404()
    {
        var owner = await host.RegisterUserAsync();
        var other = await host.RegisterUserAsync();
        using var job = await owner.Client.PostJsonAsync("/api/v1/jobs", new { title = "Engineer", company = "Northwind" });
        var jobId = (await job.ReadJsonAsync())["id"]!.GetValue<string>();
        using var created = await owner.Client.PostJsonAsync("/api/v1/generations", new { job_id = jobId });
        var id = (await created.ReadJsonAsync())["id"]!.GetValue<string>();

        using var get = await other.Client.GetAsync($"/api/v1/generations/{id}", TestContext.Current.CancellationToken);
        using var delete = await other.Client.DeleteAsync($"/api/v1/generations/{id}", TestContext.Current.CancellationToken);
        using var forTheirJob = await other.Client.PostJsonAsync("/api/v1/generations", new { job_id = jobId });
        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound],
            [get.StatusCode, delete.StatusCode, forTheirJob.StatusCode]);
        using var list = await other.Client.GetAsync($"/api/v1/generations?job_id={jobId}", TestContext.Current.CancellationToken);
        Assert.Equal(0, (await list.ReadPageAsync()).Total);
    }

    [Fact]
    public async Task Invalid_content_is_a_400_naming_the_field()
    {
        var user = await host.RegisterUserAsync();
        using var response = await user.Client.SendRawJsonAsync(HttpMethod.Post, "/api/v1/generations",
            """{"content_structured":{"header":{"name":""}}}""");
        await response.AssertValidationProblemAsync("content_structured.header.name");
    }
}
