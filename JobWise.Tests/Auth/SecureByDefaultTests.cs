using System.Net;
using JobWise.Tests.Api;
using JobWise.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace JobWise.Tests.Auth;

public sealed class SecureByDefaultTests(ReferencePageApiHost host) : IClassFixture<ReferencePageApiHost>
{
    /// <summary>Every endpoint a caller may use without a token; all others must answer 401.</summary>
    private static readonly string[] Anonymous =
    [
        "POST /api/v1/auth/register",
        "POST /api/v1/auth/login",
        "POST /api/v1/auth/refresh",
        "POST /api/v1/auth/logout",
        "POST /api/v1/auth/password/forgot",
        "POST /api/v1/auth/password/reset",
        "POST /api/v1/auth/email/verify",
        "GET /api/v1/exports/templates",
        "GET /api/v1/exports/templates/{id}/preview",
        "GET /api/v1/exports/download/{**key}",
        // Progress of an account deletion, by its unguessable id: the account's tokens stop finding it once done.
        "GET /api/v1/account/deletion/{id:guid}",
        "GET /health",
        "GET /health/ready",
        "GET /alive",
        "GET /openapi/{documentName}.json",
    ];

    [Fact]
    public async Task Only_the_known_anonymous_endpoints_answer_without_a_token()
    {
        var endpoints = host.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.True(endpoints.Count > 30, $"only {endpoints.Count} endpoints found");

        var answered = new List<string>();
        foreach (var endpoint in endpoints)
        {
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), ConcretePath(endpoint.RoutePattern));
                if (method is "POST" or "PUT")
                {
                    request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                }
                using var response = await host.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);
                if (response.StatusCode != HttpStatusCode.Unauthorized)
                {
                    answered.Add($"{method} {endpoint.RoutePattern.RawText}");
                }
            }
        }

        // The reference page's own routes are anonymous too (it is served only where enabled).
        Assert.Contains(answered, entry => entry.StartsWith("GET /scalar", StringComparison.Ordinal));
        Assert.Equal(Anonymous.Order(), answered.Where(entry => !entry.StartsWith("GET /scalar", StringComparison.Ordinal)).Distinct().Order());
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        var user = await host.RegisterUserAsync();
        var responses = new[]
        {
            await host.CreateClient().GetAsync("/health", TestContext.Current.CancellationToken),
            await host.CreateClient().GetAsync("/api/v1/auth/me", TestContext.Current.CancellationToken),
            await host.CreateClient().PostJsonAsync("/api/v1/auth/register", new { email = "not-an-email" }),
            await user.Client.GetAsync($"/api/v1/jobs/{Guid.NewGuid()}", TestContext.Current.CancellationToken),
            await user.Client.GetAsync("/api/v1/auth/me", TestContext.Current.CancellationToken),
        };
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.OK],
            responses[1..].Select(response => response.StatusCode));
        foreach (var response in responses)
        {
            using (response)
            {
                Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
                Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
                Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
                Assert.Equal("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
            }
        }
    }

    private static string ConcretePath(RoutePattern pattern) => "/" + string.Join("/", pattern.PathSegments.Select(segment =>
        string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart { Name: "documentName" } => "v1",
            RoutePatternParameterPart parameter when parameter.ParameterPolicies.Any(policy => policy.Content == "guid") => Guid.NewGuid().ToString(),
            RoutePatternParameterPart => "modern",
            _ => throw new InvalidOperationException($"Unexpected route part in {pattern.RawText}"),
        }))));
}
