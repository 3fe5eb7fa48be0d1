using System.Net;
using System.Net.Http.Headers;
using JobWise.Tests.Infrastructure;
using Npgsql;

namespace JobWise.Tests.Auth;

public sealed class AccountSecurityTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string NewPassword = "a brand new passphrase";

    [Fact]
    public async Task Changing_the_password_signs_out_every_other_session_including_an_access_token_in_flight()
    {
        var user = await host.RegisterUserAsync();
        var laptop = await SignInAsync(user.Email, user.Password);
        Assert.Equal(HttpStatusCode.OK, await MeStatusAsync(laptop.AccessToken));

        using var changed = await user.Client.PostJsonAsync("/api/v1/auth/password",
            new { current_password = user.Password, new_password = NewPassword });
        var body = await changed.ReadJsonAsync();
        Assert.True(changed.StatusCode == HttpStatusCode.OK, body.ToJsonString());

        // The other session's access token, still far from expiring, is refused on its very next request.
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatusAsync(laptop.AccessToken));
        Assert.Equal(HttpStatusCode.Unauthorized, await RefreshStatusAsync(laptop.RefreshToken));
        // So are the changing session's old tokens; it carries on with the new ones it was given.
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatusAsync(user.AccessToken));
        Assert.Equal(HttpStatusCode.Unauthorized, await RefreshStatusAsync(user.RefreshToken));
        Assert.Equal(HttpStatusCode.OK, await MeStatusAsync(body["access_token"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, await RefreshStatusAsync(body["refresh_token"]!.GetValue<string>()));

        Assert.Equal(HttpStatusCode.Unauthorized, await LoginStatusAsync(user.Email, user.Password));
        Assert.Equal(HttpStatusCode.OK, await LoginStatusAsync(user.Email, NewPassword));
    }

    [Fact]
    public async Task A_wrong_current_password_is_a_400_naming_it_and_changes_nothing()
    {
        var user = await host.RegisterUserAsync();

        using var refused = await user.Client.PostJsonAsync("/api/v1/auth/password",
            new { current_password = "not the password", new_password = NewPassword });
        await refused.AssertValidationProblemAsync("current_password");

        Assert.Equal(HttpStatusCode.OK, await MeStatusAsync(user.AccessToken));
        Assert.Equal(HttpStatusCode.OK, await LoginStatusAsync(user.Email, user.Password));
        Assert.Equal(HttpStatusCode.Unauthorized, await LoginStatusAsync(user.Email, NewPassword));
    }

    [Fact]
    public async Task A_too_short_new_password_is_a_400_naming_it()
    {
        var user = await host.RegisterUserAsync();
        using var refused = await user.Client.PostJsonAsync("/api/v1/auth/password",
            new { current_password = user.Password, new_password = "short" });
        await refused.AssertValidationProblemAsync("new_password");
        Assert.Equal(HttpStatusCode.OK, await MeStatusAsync(user.AccessToken));
    }

    [Fact]
    public async Task Changing_the_password_needs_an_access_token()
    {
        using var anonymous = await host.CreateClient().PostJsonAsync("/api/v1/auth/password",
            new { current_password = "whatever it was", new_password = NewPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Signing_out_everywhere_refuses_every_access_token_issued_before_and_no_one_elses()
    {
        var user = await host.RegisterUserAsync();
        var phone = await SignInAsync(user.Email, user.Password);
        var other = await host.RegisterUserAsync();

        using var signedOut = await user.Client.PostAsync("/api/v1/auth/logout-all", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NoContent, signedOut.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatusAsync(user.AccessToken));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatusAsync(phone.AccessToken));
        Assert.Equal(HttpStatusCode.OK, await MeStatusAsync(other.AccessToken));
        // Signing in again works, and its tokens are good.
        var again = await SignInAsync(user.Email, user.Password);
        Assert.Equal(HttpStatusCode.OK, await MeStatusAsync(again.AccessToken));
    }

    [Fact]
    public async Task A_refresh_token_issued_under_an_older_security_stamp_is_refused()
    {
        // What a sign-in that raced a password change would hold: a refresh token that escaped the revocation but was
        // issued under the stamp the change replaced.
        var user = await host.RegisterUserAsync();
        await using (var connection = new NpgsqlConnection(host.ConnectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = new NpgsqlCommand("UPDATE users SET security_stamp = gen_random_uuid() WHERE id = @id", connection);
            command.Parameters.AddWithValue("id", user.Id);
            Assert.Equal(1, await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await RefreshStatusAsync(user.RefreshToken));
    }

    [Fact]
    public async Task Me_shows_that_a_new_account_is_not_yet_verified()
    {
        var user = await host.RegisterUserAsync();
        using var me = await user.Client.GetAsync("/api/v1/auth/me", TestContext.Current.CancellationToken);
        var body = await me.ReadJsonAsync();
        Assert.False(body["email_verified"]!.GetValue<bool>());
    }

    private async Task<(string AccessToken, string RefreshToken)> SignInAsync(string email, string password)
    {
        using var login = await host.CreateClient().PostJsonAsync("/api/v1/auth/login", new { email, password });
        var body = await login.ReadJsonAsync();
        Assert.True(login.StatusCode == HttpStatusCode.OK, body.ToJsonString());
        return (body["access_token"]!.GetValue<string>(), body["refresh_token"]!.GetValue<string>());
    }

    private async Task<HttpStatusCode> MeStatusAsync(string accessToken)
    {
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await client.GetAsync("/api/v1/auth/me", TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    private async Task<HttpStatusCode> RefreshStatusAsync(string refreshToken)
    {
        using var response = await host.CreateClient().PostJsonAsync("/api/v1/auth/refresh", new { refresh_token = refreshToken });
        return response.StatusCode;
    }

    private async Task<HttpStatusCode> LoginStatusAsync(string email, string password)
    {
        using var response = await host.CreateClient().PostJsonAsync("/api/v1/auth/login", new { email, password });
        return response.StatusCode;
    }
}
