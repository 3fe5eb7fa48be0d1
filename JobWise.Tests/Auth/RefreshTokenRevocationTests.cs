using System.Net;
using System.Net.Http.Headers;
using JobWise.Tests.Infrastructure;
using Npgsql;

namespace JobWise.Tests.Auth;

public sealed class RefreshTokenRevocationTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const int Races = 60;

    [Fact]
    public async Task A_refresh_racing_a_logout_of_the_same_sign_in_never_leaves_a_live_token()
    {
        var users = await Task.WhenAll(Enumerable.Range(0, Races).Select(_ => host.RegisterUserAsync()));

        var outcomes = await Task.WhenAll(users.Select(async user =>
        {
            var refresh = host.CreateClient().PostJsonAsync("/api/v1/auth/refresh", new { refresh_token = user.RefreshToken });
            var logout = host.CreateClient().PostJsonAsync("/api/v1/auth/logout", new { refresh_token = user.RefreshToken });
            using var refreshed = await refresh;
            using var loggedOut = await logout;
            Assert.Equal(HttpStatusCode.NoContent, loggedOut.StatusCode);
            Assert.Contains(refreshed.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Unauthorized });
            var successor = refreshed.StatusCode == HttpStatusCode.OK
                ? (await refreshed.ReadJsonAsync())["refresh_token"]!.GetValue<string>()
                : null;
            return (user, successor);
        }));

        foreach (var (user, successor) in outcomes)
        {
            Assert.Equal(0, await LiveRefreshTokensAsync(user.Id));
            if (successor is not null)
            {
                using var reuse = await host.CreateClient().PostJsonAsync("/api/v1/auth/refresh", new { refresh_token = successor });
                Assert.Equal(HttpStatusCode.Unauthorized, reuse.StatusCode);
            }
        }
        // Both orders happened, or the race was not a race.
        Assert.Contains(outcomes, outcome => outcome.successor is not null);
        Assert.Contains(outcomes, outcome => outcome.successor is null);
    }

    [Fact]
    public async Task Logout_all_revokes_every_sign_in_of_the_user_and_no_one_elses()
    {
        var user = await host.RegisterUserAsync();
        var other = await host.RegisterUserAsync();
        var signIns = new List<string> { user.RefreshToken };
        for (var i = 0; i < 2; i++)
        {
            using var login = await host.CreateClient().PostJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password });
            signIns.Add((await login.ReadJsonAsync())["refresh_token"]!.GetValue<string>());
        }
        using (var rotated = await host.CreateClient().PostJsonAsync("/api/v1/auth/refresh", new { refresh_token = signIns[^1] }))
        {
            signIns[^1] = (await rotated.ReadJsonAsync())["refresh_token"]!.GetValue<string>();
        }
        Assert.Equal(3, await LiveRefreshTokensAsync(user.Id));

        using var logoutAll = await user.Client.PostAsync("/api/v1/auth/logout-all", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NoContent, logoutAll.StatusCode);

        Assert.Equal(0, await LiveRefreshTokensAsync(user.Id));
        foreach (var token in signIns)
        {
            using var refresh = await host.CreateClient().PostJsonAsync("/api/v1/auth/refresh", new { refresh_token = token });
            Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
        }
        using var othersRefresh = await host.CreateClient().PostJsonAsync("/api/v1/auth/refresh", new { refresh_token = other.RefreshToken });
        Assert.Equal(HttpStatusCode.OK, othersRefresh.StatusCode);
    }

    [Fact]
    public async Task Logout_all_needs_an_access_token()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/logout-all");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");
        using var forged = await host.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        using var anonymous = await host.CreateClient().PostAsync("/api/v1/auth/logout-all", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    private async Task<long> LiveRefreshTokensAsync(Guid userId)
    {
        await using var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM refresh_tokens WHERE user_id = @user AND revoked_at IS NULL AND rotated_at IS NULL AND expires_at > now()",
            connection);
        command.Parameters.AddWithValue("user", userId);
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
