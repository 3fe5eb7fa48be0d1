using System.Net;
using System.Net.Http.Json;
using JobWise.Tests.Infrastructure;

namespace JobWise.Tests.Web;

/// <summary>
/// The web front end over an API that trusts it as a proxy (as the container deployments do: the front end and the
/// edge are in the API's <c>ForwardedHeaders:KnownNetworks</c>), with sign-in limits of three attempts per address.
/// </summary>
public sealed class ForwardingWebFrontEndHost(PostgresServer postgres, RedisServer redis, RendererServer renderer)
    : WebFrontEndHost(postgres, redis, renderer)
{
    public const int AttemptsPerAddress = 3;

    protected override IReadOnlyDictionary<string, string> ApiSettings => new Dictionary<string, string>
    {
        ["ForwardedHeaders:KnownNetworks"] = "127.0.0.0/8",
        ["Auth:RateLimit:PermitLimit"] = AttemptsPerAddress.ToString(),
        ["Auth:RateLimit:AddressPermitLimit"] = AttemptsPerAddress.ToString(),
        ["RateLimits:RedisKeyPrefix"] = $"forwarding-{Guid.NewGuid():N}:",
    };
}

public sealed class ForwardedClientAddressTests(ForwardingWebFrontEndHost host) : IClassFixture<ForwardingWebFrontEndHost>
{
    [Fact]
    public async Task One_users_failed_sign_ins_through_the_front_end_do_not_spend_another_users_limits()
    {
        var email = $"bob-{Guid.NewGuid():N}@example.com";
        using (var api = new HttpClient { BaseAddress = new Uri(host.ApiUrl) })
        {
            using var registered = await api.PostAsJsonAsync("/api/v1/auth/register",
                new { email, password = WebFlow.Password, full_name = "Bob Forwarded" }, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }

        // Two people behind the same front end, told apart by the address a proxy in front of it names.
        using var mallory = WebForms.Client(new Uri(host.Url), forwardedFor: "203.0.113.7");
        using var bob = WebForms.Client(new Uri(host.Url), forwardedFor: "203.0.113.8");
        var pages = new List<string>();
        for (var attempt = 0; attempt <= ForwardingWebFrontEndHost.AttemptsPerAddress; attempt++)
        {
            using var guess = await WebForms.SubmitAsync(mallory, "/signin",
                new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = $"guess {attempt}" });
            Assert.False(WebForms.IsRedirect(guess), "a wrong password signed in");
            pages.Add(await guess.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }
        Assert.All(pages[..^1], page => Assert.DoesNotContain("Try again in", page));
        Assert.Contains("Try again in", pages[^1]);

        using var signedIn = await WebForms.SubmitAsync(bob, "/signin",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = WebFlow.Password });
        Assert.True(WebForms.IsRedirect(signedIn),
            $"{(int)signedIn.StatusCode}: {await signedIn.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
    }
}
