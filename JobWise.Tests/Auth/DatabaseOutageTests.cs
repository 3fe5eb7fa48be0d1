using System.Diagnostics;
using System.Net;
using JobWise.Tests.Infrastructure;

namespace JobWise.Tests.Auth;

/// <summary>An API host on a PostgreSQL of its own, which the test stops; the security stamp is read on every request.</summary>
public sealed class OwnDatabaseApiHost(PostgresServer sharedPostgres, RedisServer redis) : ApiHost(sharedPostgres, redis)
{
    public PostgresServer Database { get; } = new();

    protected override IReadOnlyList<OwnServer> OwnServers =>
        [new(Database, () => new Dictionary<string, string> { ["ConnectionStrings:jobwise"] = Database.ConnectionString("postgres") })];

    protected override IReadOnlyDictionary<string, string> ExtraSettings =>
        new Dictionary<string, string> { ["Auth:SecurityStampCacheDuration"] = "00:00:00" };
}

public sealed class DatabaseOutageTests(OwnDatabaseApiHost host) : IClassFixture<OwnDatabaseApiHost>
{
    // The database's retries give up well within this; a client should not wait longer for a 503.
    private static readonly TimeSpan MaxAnswerTime = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task With_the_database_stopped_requests_get_a_prompt_503_with_retry_after_and_work_again_once_it_is_back()
    {
        var user = await host.RegisterUserAsync();
        await host.Database.StopAsync();
        try
        {
            // An authenticated request reads the user's security stamp before its endpoint runs; a sign-in reads the
            // database in its endpoint.
            var anonymous = host.CreateClient();
            foreach (var send in new Func<Task<HttpResponseMessage>>[]
            {
                () => user.Client.GetAsync("/api/v1/jobs", TestContext.Current.CancellationToken),
                () => anonymous.PostJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password }),
            })
            {
                var watch = Stopwatch.StartNew();
                using var response = await send();
                var body = await response.ReadJsonAsync();
                var what = $"{response.RequestMessage!.RequestUri!.AbsolutePath}: {(int)response.StatusCode} after {watch.Elapsed.TotalSeconds:F1} s, {body.ToJsonString()}";
                Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, what);
                Assert.True(watch.Elapsed < MaxAnswerTime, what);
                Assert.NotNull(response.Headers.RetryAfter);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.Equal("The database is unavailable; try again shortly.", body["title"]!.GetValue<string>());
            }
        }
        finally
        {
            await host.Database.StartAsync();
        }
        using var after = await user.Client.GetAsync("/api/v1/jobs", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }
}
