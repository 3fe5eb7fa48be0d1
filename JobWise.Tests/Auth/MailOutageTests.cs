using System.Net;
using JobWise.Tests.Infrastructure;
using Npgsql;

namespace JobWise.Tests.Auth;

/// <summary>The API with a mail catcher of its own, which the test stops and starts again.</summary>
public sealed class OwnMailServerApiHost(PostgresServer postgres, RedisServer redis) : ApiHost(postgres, redis)
{
    public Smtp4devServer Mail { get; } = new();

    protected override IReadOnlyDictionary<string, string> ExtraSettings => Mail.ApiSettings();

    public override async ValueTask InitializeAsync()
    {
        await Mail.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Mail.DisposeAsync();
    }
}

public sealed class MailOutageTests(OwnMailServerApiHost host) : IClassFixture<OwnMailServerApiHost>
{
    [Fact]
    public async Task A_mail_server_outage_delays_a_reset_mail_and_loses_none()
    {
        var user = await host.RegisterUserAsync();
        await host.Mail.WaitForMessagesToAsync(user.Email, AccountMailTests.VerifySubject);
        await host.Mail.StopAsync();

        using var forgot = await host.CreateClient().PostJsonAsync("/api/v1/auth/password/forgot", new { email = user.Email });
        Assert.Equal(HttpStatusCode.Accepted, forgot.StatusCode);
        // Tried and failed, more than once, while the server is down; still queued.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await QueuedAttemptsAsync() is var attempts && attempts < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the queued mail was tried {attempts} times");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        await host.Mail.StartAsync();
        var mail = (await host.Mail.WaitForMessagesToAsync(user.Email, AccountMailTests.ResetSubject)).Single();
        var token = AccountMailTests.TokenOf(mail, "http://web.jobwise.test/reset-password");
        using var reset = await host.CreateClient().PostJsonAsync("/api/v1/auth/password/reset", new { token, new_password = "a brand new passphrase" });
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        // The worker removes the mail from the queue just after the server took it, so the test may look in between.
        var emptied = DateTime.UtcNow.AddSeconds(10);
        while (await QueuedAttemptsAsync() is var left && left != -1)
        {
            Assert.True(DateTime.UtcNow < emptied, $"the sent mail is still queued after {left} attempts");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Attempts of the one queued mail, or -1 when none is queued.</summary>
    private async Task<int> QueuedAttemptsAsync()
    {
        await using var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SELECT coalesce(max(attempts), -1) FROM pending_emails", connection);
        return (int)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
