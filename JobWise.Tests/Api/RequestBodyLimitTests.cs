using System.Net;
using System.Text.Json.Nodes;
using JobWise.ApiService.Auth;
using JobWise.ApiService.Exports;
using JobWise.ApiService.Jobs;
using JobWise.ApiService.Model;
using JobWise.ApiService.Profiles;
using JobWise.Tests.Infrastructure;

namespace JobWise.Tests.Api;

/// <summary>Every endpoint that reads a body declares how large it may be; a larger one is a 413 problem that changes nothing.</summary>
public sealed class RequestBodyLimitTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task Oversized_bodies_are_413_problems_and_change_nothing()
    {
        var user = await host.RegisterUserAsync();
        using var job = await user.Client.PostJsonAsync("/api/v1/jobs", new { title = "Engineer", company = "Northwind" });
        var jobId = (await job.ReadJsonAsync())["id"]!.GetValue<string>();
        using var generation = await user.Client.PostJsonAsync("/api/v1/generations", new { });
        var generationId = (await generation.ReadJsonAsync())["id"]!.GetValue<string>();
        var email = $"big-{Guid.NewGuid():N}@example.com";

        var oversized = new (HttpMethod Method, string Path, long Limit, Func<string, JsonObject> Body)[]
        {
            (HttpMethod.Post, "/api/v1/auth/register", AuthApi.MaxBodyBytes,
                pad => new JsonObject { ["email"] = email, ["password"] = "correct horse battery", ["full_name"] = pad }),
            (HttpMethod.Post, "/api/v1/auth/login", AuthApi.MaxBodyBytes,
                pad => new JsonObject { ["email"] = user.Email, ["password"] = pad }),
            (HttpMethod.Post, "/api/v1/jobs", JobsApi.MaxBodyBytes,
                pad => new JsonObject { ["title"] = "Too big", ["company"] = "Northwind", ["description"] = pad }),
            (HttpMethod.Put, $"/api/v1/jobs/{jobId}", JobsApi.MaxBodyBytes,
                pad => new JsonObject { ["title"] = "Too big", ["company"] = "Northwind", ["description"] = pad }),
            (HttpMethod.Put, "/api/v1/profile", ProfileApi.MaxBodyBytes,
                pad => new JsonObject { ["content"] = new JsonObject { ["header"] = new JsonObject { ["name"] = "Too big" }, ["sections"] = new JsonArray(
                    new JsonObject { ["type"] = "custom", ["text"] = pad }) } }),
            (HttpMethod.Post, "/api/v1/profile/import/json-resume", ProfileApi.MaxBodyBytes,
                pad => new JsonObject { ["basics"] = new JsonObject { ["name"] = "Too big", ["summary"] = pad } }),
            (HttpMethod.Post, "/api/v1/generations", ProfileApi.MaxBodyBytes,
                pad => new JsonObject { ["content_structured"] = new JsonObject { ["header"] = new JsonObject { ["name"] = pad } } }),
            (HttpMethod.Post, "/api/v1/exports/pdf", ExportsApi.MaxBodyBytes,
                pad => new JsonObject { ["generation_id"] = generationId, ["template"] = "modern", ["options"] = new JsonObject { ["font_family"] = pad } }),
            (HttpMethod.Post, "/api/v1/exports/batch", ExportsApi.MaxBodyBytes,
                pad => new JsonObject { ["generation_id"] = generationId, ["templates"] = new JsonArray(pad), ["formats"] = new JsonArray("pdf") }),
        };
        foreach (var (method, path, limit, body) in oversized)
        {
            using var response = await user.Client.SendRawJsonAsync(method, path, body(new string('x', (int)limit)).ToJsonString());
            var problem = await response.ReadJsonAsync();
            Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{method} {path}: {(int)response.StatusCode} {problem.ToJsonString()}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(413, problem["status"]!.GetValue<int>());
        }

        using var registered = await host.CreateClient().PostJsonAsync("/api/v1/auth/login", new { email, password = "correct horse battery" });
        Assert.Equal(HttpStatusCode.Unauthorized, registered.StatusCode);
        using var jobs = await user.Client.GetAsync("/api/v1/jobs", TestContext.Current.CancellationToken);
        var jobList = await jobs.ReadPageAsync();
        Assert.Equal(["Engineer"], jobList.Strings("title"));
        using var profile = await user.Client.GetAsync("/api/v1/profile", TestContext.Current.CancellationToken);
        Assert.Equal("Jordan Rivera", (await profile.ReadJsonAsync())["content"]!["header"]!["name"]!.GetValue<string>());
        using var generations = await user.Client.GetAsync("/api/v1/generations", TestContext.Current.CancellationToken);
        Assert.Equal(1, (await generations.ReadPageAsync()).Total);
        using var exports = await user.Client.GetAsync("/api/v1/exports/files", TestContext.Current.CancellationToken);
        Assert.Equal(0, (await exports.ReadPageAsync()).Total);
    }

    [Fact]
    public async Task A_job_with_the_longest_description_fits_even_when_every_character_is_escaped()
    {
        var user = await host.RegisterUserAsync();
        // Non-ASCII text is written as \uXXXX by default: six bytes for every character of the description.
        var body = new JsonObject { ["title"] = "Ingénieur", ["company"] = "Northwind", ["description"] = new string('é', JobLimits.Description) }.ToJsonString();
        Assert.True(body.Length > 5 * JobLimits.Description);

        using var response = await user.Client.SendRawJsonAsync(HttpMethod.Post, "/api/v1/jobs", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
