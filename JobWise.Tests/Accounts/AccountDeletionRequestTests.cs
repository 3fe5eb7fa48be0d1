using System.Net;
using JobWise.Tests.Infrastructure;

namespace JobWise.Tests.Accounts;

/// <summary>What asking for a deletion needs, and what it says; no renderer needed.</summary>
public sealed class AccountDeletionRequestTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task Deleting_without_the_password_is_a_400_naming_it_and_changes_nothing()
    {
        var user = await host.RegisterUserAsync();
        using var response = await user.Client.SendRawJsonAsync(HttpMethod.Delete, "/api/v1/account", "{}");
        await response.AssertValidationProblemAsync("password");
        await AssertStillSignedInAsync(user);
    }

    [Fact]
    public async Task Deleting_with_a_wrong_password_is_a_403_and_changes_nothing()
    {
        var user = await host.RegisterUserAsync();
        using var response = await user.Client.SendRawJsonAsync(HttpMethod.Post, "/api/v1/account/delete", """{"password":"not the password"}""");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await AssertStillSignedInAsync(user);
    }

    [Fact]
    public async Task Deleting_without_a_token_is_401()
    {
        using var response = await host.CreateClient().SendRawJsonAsync(HttpMethod.Delete, "/api/v1/account", """{"password":"whatever password"}""");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_account_without_files_is_deleted_at_once_by_post_and_its_token_no_longer_finds_it()
    {
        var user = await host.RegisterUserAsync();
        using var response = await user.Client.SendRawJsonAsync(HttpMethod.Post, "/api/v1/account/delete", $$"""{"password":"{{user.Password}}"}""");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);

        var rows = await AccountChecks.RowsOfUserAsync(host, user.Id);
        Assert.True(rows.Values.All(count => count == 0), string.Join(", ", rows));
        using var me = await user.Client.GetAsync("/api/v1/auth/me", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        using var again = await user.Client.SendRawJsonAsync(HttpMethod.Delete, "/api/v1/account", $$"""{"password":"{{user.Password}}"}""");
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
    }

    [Fact]
    public async Task An_unknown_deletion_id_is_404()
    {
        using var response = await host.CreateClient().GetAsync($"/api/v1/account/deletion/{Guid.NewGuid()}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_account_endpoints_are_in_the_openapi_document_with_their_problem_responses()
    {
        using var response = await host.CreateClient().GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        var paths = (await response.ReadJsonAsync())["paths"]!;
        foreach (var (path, method) in new[] { ("/api/v1/account", "delete"), ("/api/v1/account/delete", "post") })
        {
            var responses = paths[path]![method]!["responses"]!.AsObject();
            Assert.All(new[] { "202", "204", "400", "401", "403", "429", "503" }, code => Assert.True(responses.ContainsKey(code), $"{method} {path} lacks {code}"));
            Assert.NotNull(paths[path]![method]!["requestBody"]);
        }
        var export = paths["/api/v1/account/export"]!["post"]!["responses"]!.AsObject();
        Assert.All(new[] { "201", "401", "404", "422", "429", "503" }, code => Assert.True(export.ContainsKey(code), $"export lacks {code}"));
        var progress = paths["/api/v1/account/deletion/{id}"]!["get"]!["responses"]!.AsObject();
        Assert.True(progress.ContainsKey("200") && progress.ContainsKey("404"));
    }

    private async Task AssertStillSignedInAsync(SignedInUser user)
    {
        using var me = await user.Client.GetAsync("/api/v1/auth/me", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        using var refresh = await host.CreateClient().PostJsonAsync("/api/v1/auth/refresh", new { refresh_token = user.RefreshToken });
        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
    }
}
