using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using JobWise.Tests.Infrastructure;
using Npgsql;

namespace JobWise.Tests.Auth;

public sealed partial class AccountMailTests(MailApiHost host) : IClassFixture<MailApiHost>
{
    public const string ResetSubject = "Reset your JobWise password";
    public const string VerifySubject = "Confirm your email address";
    private const string NewPassword = "a brand new passphrase";

    [Fact]
    public async Task A_reset_mail_arrives_and_its_link_works_once_and_never_again()
    {
        var user = await RegisterAsync();
        var otherSession = await SignInAsync(user.Email, user.Password);

        using var forgot = await host.ClientFrom().PostJsonAsync("/api/v1/auth/password/forgot", new { email = user.Email.ToUpperInvariant() });
        Assert.Equal(HttpStatusCode.Accepted, forgot.StatusCode);
        var mail = (await host.Mail.WaitForMessagesToAsync(user.Email, ResetSubject)).Single();
        Assert.Equal("accounts@jobwise.test", mail.From);
        var token = TokenOf(mail, "http://web.jobwise.test/reset-password");

        using var reset = await host.ClientFrom().PostJsonAsync("/api/v1/auth/password/reset", new { token, new_password = NewPassword });
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        using var again = await host.ClientFrom().PostJsonAsync("/api/v1/auth/password/reset", new { token, new_password = "yet another passphrase" });
        await again.AssertValidationProblemAsync("token");

        // Every sign-in made before the reset has ended, access tokens included.
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatusAsync(user.AccessToken));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatusAsync(otherSession));
        using var refresh = await host.CreateClient().PostJsonAsync("/api/v1/auth/refresh", new { refresh_token = user.RefreshToken });
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await LoginStatusAsync(user.Email, user.Password));
        Assert.Equal(HttpStatusCode.Unauthorized, await LoginStatusAsync(user.Email, "yet another passphrase"));
        var signedIn = await SignInAsync(user.Email, NewPassword);
        // The link reached the owner's mailbox, which proves the address too.
        Assert.True((await MeAsync(signedIn))["email_verified"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Forgot_password_answers_an_unknown_address_exactly_as_a_known_one_in_about_the_same_time()
    {
        const int Calls = 9;
        var known = new List<string>();
        for (var i = 0; i < Calls + 1; i++)
        {
            known.Add((await RegisterAsync()).Email);
        }
        var unknown = Enumerable.Range(0, Calls + 1).Select(_ => $"nobody-{Guid.NewGuid():N}@example.com").ToList();

        var knownTimes = new List<double>();
        var unknownTimes = new List<double>();
        string? knownAnswer = null;
        string? unknownAnswer = null;
        // Interleaved, the first of each a warm-up; every call from an address and to an account of its own, under the limits.
        for (var i = 0; i <= Calls; i++)
        {
            var (knownTime, knownText) = await ForgotAsync(known[i]);
            var (unknownTime, unknownText) = await ForgotAsync(unknown[i]);
            knownAnswer ??= knownText;
            unknownAnswer ??= unknownText;
            Assert.Equal(knownAnswer, knownText);
            Assert.Equal(unknownAnswer, unknownText);
            if (i > 0)
            {
                knownTimes.Add(knownTime);
                unknownTimes.Add(unknownTime);
            }
        }
        Assert.Equal(knownAnswer, unknownAnswer);
        var (knownMedian, unknownMedian) = (Median(knownTimes), Median(unknownTimes));
        Assert.True(Math.Abs(knownMedian - unknownMedian) <= Math.Max(20, 0.5 * Math.Max(knownMedian, unknownMedian)),
            $"median {knownMedian:F1} ms for known addresses, {unknownMedian:F1} ms for unknown");

        // Each known address gets its mail; once the queue is empty, no unknown one has got any.
        await host.Mail.WaitForMessagesToAsync(known[^1], ResetSubject);
        await WaitForEmptyMailQueueAsync();
        foreach (var address in unknown)
        {
            Assert.Empty(await host.Mail.MessagesToAsync(address));
        }
    }

    [Fact]
    public async Task Reset_requests_are_limited_per_account_with_retry_after_whether_or_not_it_exists()
    {
        foreach (var email in new[] { (await RegisterAsync()).Email, $"nobody-{Guid.NewGuid():N}@example.com" })
        {
            var statuses = new List<HttpStatusCode>();
            HttpResponseMessage? last = null;
            for (var attempt = 0; attempt <= MailApiHost.MailsPerAccount; attempt++)
            {
                last?.Dispose();
                // Each from an address of its own: the account's limit, not the address's, is reached.
                last = await host.ClientFrom().PostJsonAsync("/api/v1/auth/password/forgot", new { email });
                statuses.Add(last.StatusCode);
            }
            Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Accepted, MailApiHost.MailsPerAccount), HttpStatusCode.TooManyRequests], statuses);
            AssertRetryAfter(last!);
            last!.Dispose();
        }
    }

    [Fact]
    public async Task Reset_requests_are_limited_per_client_address_with_retry_after()
    {
        using var client = host.ClientFrom();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var attempt = 0; attempt <= MailApiHost.MailsPerAddress; attempt++)
        {
            last?.Dispose();
            last = await client.PostJsonAsync("/api/v1/auth/password/forgot", new { email = $"nobody-{Guid.NewGuid():N}@example.com" });
            statuses.Add(last.StatusCode);
        }
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Accepted, MailApiHost.MailsPerAddress), HttpStatusCode.TooManyRequests], statuses);
        AssertRetryAfter(last!);
        last!.Dispose();
    }

    [Fact]
    public async Task A_new_account_gets_a_verification_mail_whose_link_verifies_it_once()
    {
        var user = await RegisterAsync();
        Assert.False((await MeAsync(user.AccessToken))["email_verified"]!.GetValue<bool>());

        var mail = (await host.Mail.WaitForMessagesToAsync(user.Email, VerifySubject)).Single();
        var token = TokenOf(mail, "http://web.jobwise.test/verify-email");
        // The account works before it is verified.
        Assert.Equal(HttpStatusCode.OK, await MeStatusAsync(user.AccessToken));

        using var verified = await host.CreateClient().PostJsonAsync("/api/v1/auth/email/verify", new { token });
        Assert.Equal(HttpStatusCode.NoContent, verified.StatusCode);
        Assert.True((await MeAsync(user.AccessToken))["email_verified"]!.GetValue<bool>());
        using var again = await host.CreateClient().PostJsonAsync("/api/v1/auth/email/verify", new { token });
        await again.AssertValidationProblemAsync("token");
        using var resend = await user.Client.PostAsync("/api/v1/auth/email/verify/resend", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Conflict, resend.StatusCode);
    }

    [Fact]
    public async Task Resending_the_verification_mail_sends_a_new_link_and_is_limited_per_account()
    {
        var user = await RegisterAsync();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var attempt = 0; attempt <= MailApiHost.MailsPerAccount; attempt++)
        {
            last?.Dispose();
            using var client = host.ClientFrom();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);
            last = await client.PostAsync("/api/v1/auth/email/verify/resend", null, TestContext.Current.CancellationToken);
            statuses.Add(last.StatusCode);
        }
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Accepted, MailApiHost.MailsPerAccount), HttpStatusCode.TooManyRequests], statuses);
        AssertRetryAfter(last!);
        last!.Dispose();

        var mails = await host.Mail.WaitForMessagesToAsync(user.Email, VerifySubject, count: 1 + MailApiHost.MailsPerAccount);
        var tokens = mails.Select(mail => TokenOf(mail, "http://web.jobwise.test/verify-email")).ToList();
        Assert.Equal(tokens.Count, tokens.Distinct().Count());
        using var verified = await host.CreateClient().PostJsonAsync("/api/v1/auth/email/verify", new { token = tokens[^1] });
        Assert.Equal(HttpStatusCode.NoContent, verified.StatusCode);
    }

    [Fact]
    public async Task A_token_works_only_for_what_it_was_mailed_for()
    {
        var user = await RegisterAsync();
        var verifyToken = TokenOf((await host.Mail.WaitForMessagesToAsync(user.Email, VerifySubject)).Single(), "http://web.jobwise.test/verify-email");

        using var reset = await host.CreateClient().PostJsonAsync("/api/v1/auth/password/reset", new { token = verifyToken, new_password = NewPassword });
        await reset.AssertValidationProblemAsync("token");
        Assert.Equal(HttpStatusCode.OK, await LoginStatusAsync(user.Email, user.Password));
    }

    [Fact]
    public async Task Bad_input_to_the_account_endpoints_is_a_400_naming_the_field()
    {
        using var client = host.ClientFrom();
        using (var response = await client.PostJsonAsync("/api/v1/auth/password/forgot", new { email = "not an address" }))
        {
            await response.AssertValidationProblemAsync("email");
        }
        using (var response = await client.PostJsonAsync("/api/v1/auth/password/reset", new { new_password = NewPassword }))
        {
            await response.AssertValidationProblemAsync("token");
        }
        using (var response = await client.PostJsonAsync("/api/v1/auth/password/reset", new { token = "made-up", new_password = "short" }))
        {
            await response.AssertValidationProblemAsync("new_password");
        }
        using (var response = await client.PostJsonAsync("/api/v1/auth/password/reset", new { token = "made-up", new_password = NewPassword }))
        {
            await response.AssertValidationProblemAsync("token");
        }
        using (var response = await client.PostJsonAsync("/api/v1/auth/email/verify", new { token = "" }))
        {
            await response.AssertValidationProblemAsync("token");
        }
    }

    [Fact]
    public async Task The_account_endpoints_are_in_the_openapi_document_with_their_problem_responses()
    {
        using var response = await host.CreateClient().GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        var paths = (await response.ReadJsonAsync())["paths"]!;
        var expected = new Dictionary<string, string[]>
        {
            ["/api/v1/auth/password"] = ["200", "400", "401", "413", "429"],
            ["/api/v1/auth/password/forgot"] = ["202", "400", "413", "429"],
            ["/api/v1/auth/password/reset"] = ["204", "400", "413"],
            ["/api/v1/auth/email/verify"] = ["204", "400", "413"],
            ["/api/v1/auth/email/verify/resend"] = ["202", "401", "409", "429"],
            ["/api/v1/auth/logout-all"] = ["204", "401"],
        };
        foreach (var (path, statuses) in expected)
        {
            var responses = paths[path]?["post"]?["responses"]?.AsObject();
            Assert.True(responses is not null, $"{path} is not in the document");
            Assert.All(statuses, status => Assert.True(responses.ContainsKey(status), $"{path} does not declare {status}"));
        }
    }

    internal static string TokenOf(ReceivedMail mail, string pageUrl)
    {
        var match = LinkPattern().Match(mail.Text);
        Assert.True(match.Success, $"no link in: {mail.Text}");
        Assert.Equal(pageUrl, match.Groups["page"].Value);
        return Uri.UnescapeDataString(match.Groups["token"].Value);
    }

    internal static void AssertRetryAfter(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "no Retry-After");
    }

    private async Task<SignedInUser> RegisterAsync() => await ApiClientExtensions.RegisterUserAsync(host.ClientFrom());

    private async Task<(double Milliseconds, string Answer)> ForgotAsync(string email)
    {
        using var client = host.ClientFrom();
        var watch = Stopwatch.StartNew();
        using var response = await client.PostJsonAsync("/api/v1/auth/password/forgot", new { email });
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        watch.Stop();
        var headers = string.Join(";", response.Headers.Concat(response.Content.Headers)
            .Where(header => header.Key != "Date").Select(header => $"{header.Key}={string.Join(",", header.Value)}").Order());
        return (watch.Elapsed.TotalMilliseconds, $"{(int)response.StatusCode} {headers} [{body}]");
    }

    private async Task WaitForEmptyMailQueueAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        await using var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pending_emails", connection);
        while ((long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))! > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "queued mail was not sent in time");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private async Task<string> SignInAsync(string email, string password)
    {
        using var login = await host.CreateClient().PostJsonAsync("/api/v1/auth/login", new { email, password });
        var body = await login.ReadJsonAsync();
        Assert.True(login.StatusCode == HttpStatusCode.OK, body.ToJsonString());
        return body["access_token"]!.GetValue<string>();
    }

    private async Task<System.Text.Json.Nodes.JsonNode> MeAsync(string accessToken)
    {
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await client.GetAsync("/api/v1/auth/me", TestContext.Current.CancellationToken);
        return await response.ReadJsonAsync();
    }

    private async Task<HttpStatusCode> MeStatusAsync(string accessToken)
    {
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await client.GetAsync("/api/v1/auth/me", TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    private async Task<HttpStatusCode> LoginStatusAsync(string email, string password)
    {
        using var response = await host.CreateClient().PostJsonAsync("/api/v1/auth/login", new { email, password });
        return response.StatusCode;
    }

    [GeneratedRegex(@"(?<page>https?://\S+?)\?token=(?<token>[A-Za-z0-9_\-%]+)")]
    private static partial Regex LinkPattern();
}

public sealed class ShortLivedResetTokenApiHost(PostgresServer postgres, RedisServer redis, Smtp4devServer mail) : MailApiHost(postgres, redis, mail)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(1);

    protected override IReadOnlyDictionary<string, string> ExtraSettings =>
        new Dictionary<string, string>(base.ExtraSettings) { ["Auth:PasswordResetTokenLifetime"] = Lifetime.ToString() };
}

public sealed class ExpiredResetTokenTests(ShortLivedResetTokenApiHost host) : IClassFixture<ShortLivedResetTokenApiHost>
{
    [Fact]
    public async Task An_expired_reset_link_is_refused_and_changes_nothing()
    {
        var user = await ApiClientExtensions.RegisterUserAsync(host.ClientFrom());
        using var forgot = await host.ClientFrom().PostJsonAsync("/api/v1/auth/password/forgot", new { email = user.Email });
        Assert.Equal(HttpStatusCode.Accepted, forgot.StatusCode);
        var mail = (await host.Mail.WaitForMessagesToAsync(user.Email, AccountMailTests.ResetSubject)).Single();
        var token = AccountMailTests.TokenOf(mail, "http://web.jobwise.test/reset-password");

        // The token was made before the mail was sent: past its lifetime once this much has passed since it arrived.
        await Task.Delay(ShortLivedResetTokenApiHost.Lifetime + TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);
        using var reset = await host.ClientFrom().PostJsonAsync("/api/v1/auth/password/reset", new { token, new_password = "a brand new passphrase" });
        await reset.AssertValidationProblemAsync("token");

        using var login = await host.CreateClient().PostJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        using var me = await user.Client.GetAsync("/api/v1/auth/me", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }
}
