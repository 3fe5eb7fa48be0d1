using JobWise.Tests.Exports;
using JobWise.Tests.Infrastructure;
using Npgsql;

namespace JobWise.Tests.Api.Hostile;

/// <summary>The API with the real renderer, and exports analysed only when asked, so that no background work changes a row between two requests.</summary>
public sealed class HostileInputApiHost(PostgresServer postgres, RedisServer redis, RendererServer renderer) : ExportsApiHost(postgres, redis, renderer)
{
    protected override IReadOnlyDictionary<string, string> ExtraSettings =>
        new Dictionary<string, string>(base.ExtraSettings) { ["Ats:AnalyseAfterExport"] = "false" };
}

/// <summary>
/// Hundreds of hostile and malformed requests generated from the API's own OpenAPI document, sent with a real bearer
/// token: none may be answered 5xx, a refused one must leave the caller's data as it was, and no request may touch a
/// second user's data.
/// </summary>
public sealed class HostileInputTests(HostileInputApiHost host) : IClassFixture<HostileInputApiHost>
{
    private const string DataFingerprintSql = """
        SELECT md5(concat_ws('|',
            (SELECT string_agg(t::text, ',') FROM users t WHERE t.id = @user),
            (SELECT string_agg(t::text, ',') FROM profiles t WHERE t.user_id = @user),
            (SELECT string_agg(t::text, ',' ORDER BY t.id) FROM jobs t WHERE t.user_id = @user),
            (SELECT string_agg(t::text, ',' ORDER BY t.id) FROM generations t WHERE t.user_id = @user),
            (SELECT string_agg(t::text, ',' ORDER BY t.id) FROM exports t WHERE t.user_id = @user)))
        """;

    [Fact]
    public async Task No_generated_hostile_request_is_answered_5xx_or_changes_data_it_was_refused_or_another_users_data()
    {
        var caller = await ExportScenario.CreateAsync(host, "Contoso");
        var other = await ExportScenario.CreateAsync(host, "Fabrikam");
        var targets = new HostileTargets(
            Guid.Parse(caller.JobId), Guid.Parse(caller.GenerationId), await ExportIdAsync(caller),
            Guid.Parse(other.JobId), Guid.Parse(other.GenerationId), await ExportIdAsync(other), caller.User.Email);
        using var openApiResponse = await host.CreateClient().GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        var openApi = await openApiResponse.ReadJsonAsync();
        var requests = new HostileRequestGenerator(openApi, targets).Generate();
        Assert.True(requests.Count >= 200, $"only {requests.Count} requests were generated");

        await using var database = new NpgsqlConnection(host.ConnectionString);
        await database.OpenAsync(TestContext.Current.CancellationToken);
        var otherBefore = await FingerprintAsync(database, other.User.Id);
        var statuses = new SortedDictionary<int, int>();
        var serverErrors = new List<string>();
        var changedWhenRefused = new List<string>();
        var otherUserTouched = new List<string>();
        foreach (var request in requests)
        {
            var before = await FingerprintAsync(database, caller.User.Id);
            var keysBefore = host.StoredKeys().Count;
            using var message = request.ToMessage();
            using var response = await caller.User.Client.SendAsync(message, TestContext.Current.CancellationToken);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (status >= 500)
            {
                serverErrors.Add($"{status} ← {request}");
            }
            if (status >= 400 && (await FingerprintAsync(database, caller.User.Id) != before || host.StoredKeys().Count != keysBefore))
            {
                changedWhenRefused.Add($"{status} ← {request}");
            }
            if (await FingerprintAsync(database, other.User.Id) != otherBefore)
            {
                otherUserTouched.Add($"{status} ← {request}");
                otherBefore = await FingerprintAsync(database, other.User.Id);
            }
        }

        var summary = $"{requests.Count} requests over {openApi["paths"]!.AsObject().Count} paths; statuses: {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}";
        TestContext.Current.TestOutputHelper?.WriteLine(summary);
        TestContext.Current.AddAttachment("hostile-corpus-statuses", summary);
        Assert.True(serverErrors.Count == 0, $"{serverErrors.Count} answered 5xx ({summary}):\n{string.Join('\n', serverErrors)}");
        Assert.True(changedWhenRefused.Count == 0, $"{changedWhenRefused.Count} refused but changed data:\n{string.Join('\n', changedWhenRefused)}");
        Assert.True(otherUserTouched.Count == 0, $"{otherUserTouched.Count} changed another user's data:\n{string.Join('\n', otherUserTouched)}");
    }

    private static async Task<Guid> ExportIdAsync(ExportScenario scenario)
    {
        using var response = await scenario.ExportAsync("docx", "classic");
        var body = await response.ReadJsonAsync();
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        return Guid.Parse(body["id"]!.GetValue<string>());
    }

    private static async Task<string> FingerprintAsync(NpgsqlConnection database, Guid userId)
    {
        await using var command = new NpgsqlCommand(DataFingerprintSql, database);
        command.Parameters.AddWithValue("user", userId);
        return (string)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
