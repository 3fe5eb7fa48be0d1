using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using JobWise.Contracts;

namespace JobWise.Tests.Infrastructure;

/// <summary>A registered user with a client that sends their bearer token.</summary>
public sealed record SignedInUser(HttpClient Client, string Email, string Password, string AccessToken, string RefreshToken, Guid Id);

public static class ApiClientExtensions
{
    public static readonly JsonSerializerOptions Json = ContractJson.Options;

    public static Task<SignedInUser> RegisterUserAsync(this ApiHost host, string? email = null, string password = "correct horse battery") =>
        RegisterUserAsync(host.CreateClient, email, password);

    /// <summary>Registers through clients made by <paramref name="newClient"/> (e.g. an API process, or a proxy in front of several).</summary>
    public static async Task<SignedInUser> RegisterUserAsync(Func<HttpClient> newClient, string? email = null, string password = "correct horse battery")
    {
        email ??= $"user-{Guid.NewGuid():N}@example.com";
        var client = newClient();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/register",
            new { email, password, full_name = "Jordan Rivera" }, TestContext.Current.CancellationToken);
        var body = await response.ReadJsonAsync();
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        var accessToken = body["access_token"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return new SignedInUser(client, email, password, accessToken, body["refresh_token"]!.GetValue<string>(),
            Guid.Parse(body["user"]!["id"]!.GetValue<string>()));
    }

    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return JsonNode.Parse(text.Length == 0 ? "{}" : text)!;
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body) =>
        client.PostAsJsonAsync(path, body, Json, TestContext.Current.CancellationToken);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string path, object body) =>
        client.PutAsJsonAsync(path, body, Json, TestContext.Current.CancellationToken);

    public static Task<HttpResponseMessage> SendRawJsonAsync(this HttpClient client, HttpMethod method, string path, string json) =>
        client.SendAsync(new HttpRequestMessage(method, path)
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        }, TestContext.Current.CancellationToken);

    /// <summary>Asserts a 400 problem response whose <c>errors</c> name <paramref name="field"/>.</summary>
    public static async Task AssertValidationProblemAsync(this HttpResponseMessage response, string field)
    {
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body.ToJsonString()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = body["errors"]?.AsObject();
        Assert.True(errors is not null && errors.ContainsKey(field), $"errors do not name '{field}': {body.ToJsonString()}");
    }
}
