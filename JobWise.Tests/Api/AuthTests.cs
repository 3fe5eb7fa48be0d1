using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using JobWise.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace JobWise.Tests.Api;

public sealed class AuthTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task Register_returns_a_bearer_token_response_and_me_returns_the_user()
    {
        var user = await host.RegisterUserAsync();

        using var me = await user.Client.GetAsync("/api/v1/auth/me", TestContext.Current.CancellationToken);
        var body = await me.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(user.Email, body["email"]!.GetValue<string>());
        Assert.Equal("Jordan Rivera", body["full_name"]!.GetValue<string>());
        Assert.Equal(user.Id.ToString(), body["id"]!.GetValue<string>());
        Assert.NotNull(body["created_at"]);
    }

    [Fact]
    public async Task Email_is_trimmed_and_compared_without_case_so_a_second_registration_is_409()
    {
        var email = $"Casey.{Guid.NewGuid():N}@Example.com";
        await host.RegisterUserAsync(email);

        using var again = await host.CreateClient().PostJsonAsync("/api/v1/auth/register",
            new { email = $"  {email.ToUpperInvariant()} ", password = "another password", full_name = "Casey" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        using var login = await host.CreateClient().PostJsonAsync("/api/v1/auth/login",
            new { email = $" {email.ToLowerInvariant()}", password = "correct horse battery" });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Theory]
    [InlineData("""{"email":"a@example.com","password":"short","full_name":"A"}""", "password")]
    [InlineData("""{"email":"not-an-email","password":"long enough","full_name":"A"}""", "email")]
    [InlineData("""{"email":"a@example.com","password":"long enough"}""", "full_name")]
    [InlineData("""{"email":42,"password":"long enough","full_name":"A"}""", "email")]
    [InlineData("""{"email":"a@example.com","password":"long enough","full_name":"A" """, "body")]
    public async Task Bad_registration_is_a_400_naming_the_field(string json, string field)
    {
        using var response = await host.CreateClient().SendRawJsonAsync(HttpMethod.Post, "/api/v1/auth/register", json);
        await response.AssertValidationProblemAsync(field);
    }

    [Fact]
    public async Task Wrong_password_is_401()
    {
        var user = await host.RegisterUserAsync();
        using var response = await host.CreateClient().PostJsonAsync("/api/v1/auth/login", new { email = user.Email, password = "wrong password" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Refresh_rotates_the_token_and_presenting_a_rotated_token_revokes_the_whole_sign_in()
    {
        var user = await host.RegisterUserAsync();
        var anonymous = host.CreateClient();

        using var first = await anonymous.PostJsonAsync("/api/v1/auth/refresh", new { refresh_token = user.RefreshToken });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = (await first.ReadJsonAsync())["refresh_token"]!.GetValue<string>();
        Assert.NotEqual(user.RefreshToken, second);

        // The old token again: a sign of theft, so the new one dies with it.
        using var reuse = await anonymous.PostJsonAsync("/api/v1/auth/refresh", new { refresh_token = user.RefreshToken });
        Assert.Equal(HttpStatusCode.Unauthorized, reuse.StatusCode);
        using var descendant = await anonymous.PostJsonAsync("/api/v1/auth/refresh", new { refresh_token = second });
        Assert.Equal(HttpStatusCode.Unauthorized, descendant.StatusCode);
    }

    [Fact]
    public async Task Logout_revokes_the_refresh_token()
    {
        var user = await host.RegisterUserAsync();
        using var logout = await user.Client.PostJsonAsync("/api/v1/auth/logout", new { refresh_token = user.RefreshToken });
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        using var refresh = await host.CreateClient().PostJsonAsync("/api/v1/auth/refresh", new { refresh_token = user.RefreshToken });
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
    }

    [Fact]
    public async Task Requests_without_a_token_are_401()
    {
        using var response = await host.CreateClient().GetAsync("/api/v1/auth/me", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    public static TheoryData<string> ForgedTokenKinds => ["expired", "tampered", "other-key", "alg-none", "wrong-audience"];

    [Theory]
    [MemberData(nameof(ForgedTokenKinds))]
    public async Task Forged_or_expired_access_tokens_are_401(string kind)
    {
        var user = await host.RegisterUserAsync();
        var token = kind switch
        {
            "expired" => Mint(user.Id, StampOf(user), ApiHost.SigningKey, DateTime.UtcNow.AddHours(-2), DateTime.UtcNow.AddHours(-1)),
            "tampered" => Tamper(user.AccessToken),
            "other-key" => Mint(user.Id, StampOf(user), "some-other-signing-key-0123456789abcdef!", DateTime.UtcNow, DateTime.UtcNow.AddHours(1)),
            "alg-none" => Unsigned(user.Id),
            "wrong-audience" => Mint(user.Id, StampOf(user), ApiHost.SigningKey, DateTime.UtcNow, DateTime.UtcNow.AddHours(1), audience: "someone-else"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        // The same token shape with the real key is accepted, so a 401 below is about what was forged.
        var control = Mint(user.Id, StampOf(user), ApiHost.SigningKey, DateTime.UtcNow, DateTime.UtcNow.AddHours(1));
        Assert.Equal(HttpStatusCode.OK, await MeStatusAsync(control));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatusAsync(token));
    }

    private async Task<HttpStatusCode> MeStatusAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await host.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    /// <summary>The security stamp the API put in the user's real access token: a forged token must not fail for lack of it.</summary>
    private static string StampOf(SignedInUser user) => new JsonWebToken(user.AccessToken).GetClaim("stamp").Value;

    private static string Mint(Guid userId, string stamp, string key, DateTime notBefore, DateTime expires, string audience = ApiHost.Audience) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = ApiHost.Issuer,
            Audience = audience,
            IssuedAt = notBefore,
            NotBefore = notBefore,
            Expires = expires,
            Subject = new ClaimsIdentity([new Claim("sub", userId.ToString()), new Claim("stamp", stamp)]),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        });

    private static string Tamper(string token)
    {
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1]));
        var forged = payload.Replace("\"sub\":\"", "\"sub\":\"0", StringComparison.Ordinal);
        return $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(forged))}.{parts[2]}";
    }

    private static string Unsigned(Guid userId)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Base64Url.EncodeToString("""{"alg":"none","typ":"JWT"}"""u8);
        var payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            $$"""{"sub":"{{userId}}","iss":"{{ApiHost.Issuer}}","aud":"{{ApiHost.Audience}}","nbf":{{now}},"exp":{{now + 3600}}}"""));
        return $"{header}.{payload}.";
    }
}

public sealed class LowRateLimitApiHost(PostgresServer postgres, RedisServer redis) : ApiHost(postgres, redis)
{
    protected override IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>
    {
        ["Auth:RateLimit:PermitLimit"] = "3",
        ["Auth:RateLimit:Window"] = "00:05:00",
    };
}

public sealed class AuthRateLimitTests(LowRateLimitApiHost host) : IClassFixture<LowRateLimitApiHost>
{
    [Fact]
    public async Task Repeated_sign_in_attempts_get_429_with_retry_after()
    {
        var client = host.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var attempt = 0; attempt < 4; attempt++)
        {
            last?.Dispose();
            last = await client.PostJsonAsync("/api/v1/auth/login", new { email = "nobody@example.com", password = "wrong password" });
            statuses.Add(last.StatusCode);
        }
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        Assert.NotNull(last!.Headers.RetryAfter);
        Assert.True(last.Headers.RetryAfter!.Delta > TimeSpan.Zero);
        last.Dispose();
    }
}
