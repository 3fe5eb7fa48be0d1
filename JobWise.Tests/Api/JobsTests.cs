using System.Net;
using JobWise.Tests.Infrastructure;

namespace JobWise.Tests.Api;

public sealed class JobsTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task Jobs_are_created_listed_newest_first_paged_and_filtered_by_status()
    {
        var user = await host.RegisterUserAsync();
        foreach (var (title, status) in new[] { ("First", "saved"), ("Second", "applied"), ("Third", "applied") })
        {
            using var created = await user.Client.PostJsonAsync("/api/v1/jobs", new { title, company = "Northwind", status });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var page = await user.Client.GetAsync("/api/v1/jobs?limit=2&offset=0", TestContext.Current.CancellationToken);
        var body = await page.ReadPageAsync();
        Assert.Equal(3, body.Total);
        Assert.Equal(["Third", "Second"], body.Strings("title"));

        using var second = await user.Client.GetAsync("/api/v1/jobs?limit=2&offset=2", TestContext.Current.CancellationToken);
        Assert.Equal(["First"], (await second.ReadPageAsync()).Strings("title"));

        using var applied = await user.Client.GetAsync("/api/v1/jobs?status=applied", TestContext.Current.CancellationToken);
        var appliedBody = await applied.ReadPageAsync();
        Assert.Equal(2, appliedBody.Total);
        Assert.All(appliedBody.Items, job => Assert.Equal("applied", job!["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_job_is_read_updated_and_deleted()
    {
        var user = await host.RegisterUserAsync();
        using var created = await user.Client.PostJsonAsync("/api/v1/jobs",
            new { title = "Engineer", company = "Contoso", location = "Remote", url = "https://contoso.example/jobs/1" });
        var id = (await created.ReadJsonAsync())["id"]!.GetValue<string>();

        using var updated = await user.Client.PutJsonAsync($"/api/v1/jobs/{id}", new { title = "Senior Engineer", company = "Contoso", status = "interviewing" });
        var body = await updated.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("Senior Engineer", body["title"]!.GetValue<string>());
        Assert.Equal("interviewing", body["status"]!.GetValue<string>());

        using var deleted = await user.Client.DeleteAsync($"/api/v1/jobs/{id}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await user.Client.GetAsync($"/api/v1/jobs/{id}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Another_users_job_is_404_for_every_verb_and_stays_unchanged()
    {
        var owner = await host.RegisterUserAsync();
        var other = await host.RegisterUserAsync();
        using var created = await owner.Client.PostJsonAsync("/api/v1/jobs", new { title = "Mine", company = "Northwind" });
        var id = (await created.ReadJsonAsync())["id"]!.GetValue<string>();

        using var get = await other.Client.GetAsync($"/api/v1/jobs/{id}", TestContext.Current.CancellationToken);
        using var put = await other.Client.PutJsonAsync($"/api/v1/jobs/{id}", new { title = "Theirs", company = "X" });
        using var delete = await other.Client.DeleteAsync($"/api/v1/jobs/{id}", TestContext.Current.CancellationToken);
        using var missing = await other.Client.GetAsync($"/api/v1/jobs/{Guid.NewGuid()}", TestContext.Current.CancellationToken);
        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound],
            [get.StatusCode, put.StatusCode, delete.StatusCode, missing.StatusCode]);

        using var still = await owner.Client.GetAsync($"/api/v1/jobs/{id}", TestContext.Current.CancellationToken);
        Assert.Equal("Mine", (await still.ReadJsonAsync())["title"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"title":"A","company":"B","status":"hired"}""", "status")]
    [InlineData("""{"company":"B"}""", "title")]
    [InlineData("""{"title":"A","company":["B"]}""", "company")]
    [InlineData("""{"title":"A","company":"B","url":"ftp://x"}""", "url")]
    public async Task Invalid_job_is_a_400_naming_the_field(string json, string field)
    {
        var user = await host.RegisterUserAsync();
        using var response = await user.Client.SendRawJsonAsync(HttpMethod.Post, "/api/v1/jobs", json);
        await response.AssertValidationProblemAsync(field);
    }

    [Fact]
    public async Task Bad_paging_is_a_400_naming_the_parameter()
    {
        var user = await host.RegisterUserAsync();
        using var response = await user.Client.GetAsync("/api/v1/jobs?limit=1000", TestContext.Current.CancellationToken);
        await response.AssertValidationProblemAsync("limit");
    }
}
