using System.Net;
using JobWise.Tests.Infrastructure;

namespace JobWise.Tests.Api;

public sealed class OpenApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task The_openapi_document_names_and_summarises_every_operation_and_declares_the_bearer_scheme()
    {
        using var response = await host.CreateClient().GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.ReadJsonAsync();

        Assert.Equal("bearer", document["components"]!["securitySchemes"]!["Bearer"]!["scheme"]!.GetValue<string>());
        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => (Path: path.Key, Method: op.Key, Operation: op.Value!)))
            .ToList();
        Assert.Contains(operations, op => op.Path == "/api/v1/jobs/{id}" && op.Method == "put");
        Assert.True(operations.Count >= 17, $"only {operations.Count} operations");
        Assert.All(operations, op =>
        {
            Assert.False(string.IsNullOrWhiteSpace(op.Operation["operationId"]?.GetValue<string>()), $"{op.Method} {op.Path} has no name");
            Assert.False(string.IsNullOrWhiteSpace(op.Operation["summary"]?.GetValue<string>()), $"{op.Method} {op.Path} has no summary");
        });
        var me = operations.Single(op => op.Path == "/api/v1/auth/me").Operation;
        Assert.NotNull(me["security"]);
        var login = operations.Single(op => op.Path == "/api/v1/auth/login").Operation;
        Assert.Null(login["security"]);
    }

    [Fact]
    public async Task The_reference_page_is_off_outside_development_unless_enabled()
    {
        // Signed in: an anonymous caller gets 401 for every path that no endpoint allows anonymously.
        var user = await host.RegisterUserAsync();
        using var response = await user.Client.GetAsync("/scalar", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class ReferencePageApiHost(PostgresServer postgres, RedisServer redis) : ApiHost(postgres, redis)
{
    protected override IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string> { ["Api:EnableReference"] = "true" };
}

public sealed class ReferencePageTests(ReferencePageApiHost host) : IClassFixture<ReferencePageApiHost>
{
    [Fact]
    public async Task The_reference_page_is_served_when_enabled()
    {
        using var response = await host.CreateClient().GetAsync("/scalar", TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("openapi/v1.json", html);
    }
}
