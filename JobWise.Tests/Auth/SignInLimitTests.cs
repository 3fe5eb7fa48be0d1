using System.Diagnostics;
using System.Net;
using JobWise.Tests.Infrastructure;

namespace JobWise.Tests.Auth;

public sealed class SignInLimitTests(SignInApiPair api) : IClassFixture<SignInApiPair>
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task Wrong_passwords_from_a_stranger_do_not_stop_the_owner_signing_in_from_elsewhere()
    {
        var email = await RegisterAsync(api.First);
        using var stranger = SignInApiPair.ClientFrom(api.First);

        var strangerStatuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt <= SignInApiPair.AttemptsPerAddressAndAccount; attempt++)
        {
            strangerStatuses.Add(await SignInAsync(stranger, email, "a wrong guess"));
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, strangerStatuses[^1]);
        Assert.All(strangerStatuses[..^1], status => Assert.Equal(HttpStatusCode.Unauthorized, status));

        using var owner = SignInApiPair.ClientFrom(api.First);
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(owner, email, Password));
    }

    [Fact]
    public async Task Failed_attempts_from_many_addresses_slow_the_account_but_never_refuse_its_owner()
    {
        var email = await RegisterAsync(api.First);
        // Each stranger stays under its own limits; together they fail often enough (6 × 100 ms doubling) to reach
        // the longest delay.
        for (var stranger = 0; stranger < 2; stranger++)
        {
            using var client = SignInApiPair.ClientFrom(stranger % 2 == 0 ? api.First : api.Second);
            for (var attempt = 0; attempt < SignInApiPair.AttemptsPerAddressAndAccount; attempt++)
            {
                Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(client, email, "a wrong guess"));
            }
        }

        using var owner = SignInApiPair.ClientFrom(api.Second);
        var slowed = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(owner, email, Password));
        Assert.InRange(slowed.Elapsed, SignInApiPair.MaximumBackoff * 0.9, SignInApiPair.MaximumBackoff * 5);

        // The owner's success clears the account's failures: the next sign-in is not held back.
        var after = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(owner, email, Password));
        Assert.True(after.Elapsed < SignInApiPair.MaximumBackoff * 0.5, $"took {after.Elapsed}");
    }

    [Fact]
    public async Task Two_api_processes_share_the_sign_in_limit_through_redis()
    {
        var email = await RegisterAsync(api.First);
        var address = LoopbackClient.NewClientAddress();
        using var first = SignInApiPair.ClientFrom(api.First, address);
        using var second = SignInApiPair.ClientFrom(api.Second, address);

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt <= SignInApiPair.AttemptsPerAddressAndAccount; attempt++)
        {
            statuses.Add(await SignInAsync(attempt % 2 == 0 ? first : second, email, "a wrong guess"));
        }

        Assert.Equal(
            [.. Enumerable.Repeat(HttpStatusCode.Unauthorized, SignInApiPair.AttemptsPerAddressAndAccount), HttpStatusCode.TooManyRequests],
            statuses);
    }

    [Fact]
    public async Task One_address_is_limited_across_accounts()
    {
        using var client = SignInApiPair.ClientFrom(api.First);
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt <= SignInApiPair.AttemptsPerAddress; attempt++)
        {
            statuses.Add(await SignInAsync(client, $"nobody-{Guid.NewGuid():N}@example.com", "a wrong guess"));
        }
        Assert.Equal(
            [.. Enumerable.Repeat(HttpStatusCode.Unauthorized, SignInApiPair.AttemptsPerAddress), HttpStatusCode.TooManyRequests],
            statuses);
    }

    private static async Task<string> RegisterAsync(ApiServerProcess process)
    {
        var email = $"owner-{Guid.NewGuid():N}@example.com";
        using var client = SignInApiPair.ClientFrom(process);
        using var response = await client.PostJsonAsync("/api/v1/auth/register", new { email, password = Password, full_name = "Owner" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, (await response.ReadJsonAsync()).ToJsonString());
        return email;
    }

    private static async Task<HttpStatusCode> SignInAsync(HttpClient client, string email, string password)
    {
        using var response = await client.PostJsonAsync("/api/v1/auth/login", new { email, password });
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without Retry-After");
        }
        return response.StatusCode;
    }
}
