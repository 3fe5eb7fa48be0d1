using System.Net;
using Amazon.S3.Model;
using JobWise.Tests.Exports;
using JobWise.Tests.Infrastructure;

namespace JobWise.Tests.Accounts;

/// <summary>Deleting an account, the same on every storage provider.</summary>
public abstract class AccountDeletionContract(ExportsApiHost host)
{
    protected ExportsApiHost Host { get; } = host;

    /// <summary>Every stored file whose key starts with <paramref name="prefix"/>, counted in the storage itself.</summary>
    protected abstract Task<IReadOnlyList<string>> StoredKeysAsync(string prefix);

    protected abstract Task<HttpResponseMessage> DownloadAsync(string url);

    [Fact]
    public async Task Deleting_an_account_leaves_no_row_file_or_cached_key_of_it_while_another_users_identical_export_survives()
    {
        var data = await AccountData.CreateAsync(Host);
        var user = data.User;
        var other = await ExportScenario.CreateAsync(Host);
        var othersExport = await AccountData.ExpectAsync(HttpStatusCode.Created, other.ExportAsync("pdf", "modern"));
        var othersBytes = await ReadAsync(othersExport["download_url"]!.GetValue<string>());
        // The same content, template and job as the other user's: an identical export (a PDF's bytes carry its time of making).
        await AccountData.ExpectAsync(HttpStatusCode.Created, data.Scenario.ExportAsync("pdf", "modern"));
        await SignInAsync(user);

        var rowsBefore = await AccountChecks.RowsOfUserAsync(Host, user.Id);
        foreach (var table in new[] { "users.id", "profiles.user_id", "jobs.user_id", "generations.user_id", "exports.user_id", "refresh_tokens.user_id" })
        {
            Assert.True(rowsBefore.GetValueOrDefault(table) > 0, $"{table}: {string.Join(", ", rowsBefore)}");
        }
        var userFiles = $"exports/{user.Id:N}/";
        // PDF, DOCX and batch ZIP; the identical PDF shares its stored file.
        Assert.True((await StoredKeysAsync(userFiles)).Count >= 3);
        Assert.NotEmpty(await AccountChecks.RedisKeysOfAsync(Host, user));

        await DeleteAndWaitAsync(user);

        var rowsAfter = await AccountChecks.RowsOfUserAsync(Host, user.Id);
        Assert.True(rowsAfter.Values.All(count => count == 0), string.Join(", ", rowsAfter));
        Assert.Empty(await StoredKeysAsync(userFiles));
        Assert.Empty(await AccountChecks.RedisKeysOfAsync(Host, user));

        using var othersNow = await other.User.Client.GetAsync($"/api/v1/exports/{othersExport["id"]}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, othersNow.StatusCode);
        Assert.Equal(othersBytes, await ReadAsync((await othersNow.ReadJsonAsync())["download_url"]!.GetValue<string>()));
        Assert.NotEmpty(await StoredKeysAsync($"exports/{other.User.Id:N}/"));
    }

    [Fact]
    public async Task A_deleted_account_cannot_sign_in_or_refresh()
    {
        var scenario = await ExportScenario.CreateAsync(Host);
        var user = scenario.User;

        await DeleteAndWaitAsync(user);

        using var login = await Host.CreateClient().PostJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        using var refresh = await Host.CreateClient().PostJsonAsync("/api/v1/auth/refresh", new { refresh_token = user.RefreshToken });
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
    }

    protected async Task DeleteAndWaitAsync(SignedInUser user)
    {
        using var response = await user.Client.SendRawJsonAsync(HttpMethod.Delete, "/api/v1/account", $$"""{"password":"{{user.Password}}"}""");
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            return;
        }
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {body.ToJsonString()}");
        await AccountDeletionProgress.WaitUntilDoneAsync(Host.CreateClient(), response.Headers.Location!.ToString(), TimeSpan.FromSeconds(60));
    }

    private async Task SignInAsync(SignedInUser user)
    {
        await AccountData.ExpectAsync(HttpStatusCode.OK, Host.CreateClient().PostJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password }));
    }

    private async Task<byte[]> ReadAsync(string url)
    {
        using var download = await DownloadAsync(url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        return await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
    }
}

public sealed class LocalStorageAccountDeletionTests(ExportsApiHost host) : AccountDeletionContract(host), IClassFixture<ExportsApiHost>
{
    protected override Task<IReadOnlyList<string>> StoredKeysAsync(string prefix) =>
        Task.FromResult<IReadOnlyList<string>>(Host.StoredKeys().Where(key => key.StartsWith(prefix, StringComparison.Ordinal)).ToList());

    protected override Task<HttpResponseMessage> DownloadAsync(string url) =>
        Host.CreateClient().GetAsync(new Uri(url).PathAndQuery, TestContext.Current.CancellationToken);
}

public sealed class S3StorageAccountDeletionTests(S3ExportsApiHost host) : AccountDeletionContract(host), IClassFixture<S3ExportsApiHost>
{
    private S3ExportsApiHost S3Host => (S3ExportsApiHost)Host;

    protected override async Task<IReadOnlyList<string>> StoredKeysAsync(string prefix)
    {
        using var s3 = S3Host.S3.CreateClient();
        var listed = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = S3ExportsApiHost.Bucket, Prefix = prefix },
            TestContext.Current.CancellationToken);
        return (listed.S3Objects ?? []).Select(o => o.Key).ToList();
    }

    protected override async Task<HttpResponseMessage> DownloadAsync(string url)
    {
        using var plain = new HttpClient();
        return await plain.GetAsync(url, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_deletion_interrupted_by_a_storage_outage_is_retried_and_finishes_when_storage_is_back()
    {
        var data = await AccountData.CreateAsync(Host);
        var user = data.User;
        var userFiles = $"exports/{user.Id:N}/";
        Assert.NotEmpty(await StoredKeysAsync(userFiles));

        string progress;
        await S3Host.S3.StopAsync();
        try
        {
            using var response = await user.Client.SendRawJsonAsync(HttpMethod.Delete, "/api/v1/account", $$"""{"password":"{{user.Password}}"}""");
            var body = await response.ReadJsonAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {body.ToJsonString()}");
            Assert.Equal("in_progress", body["status"]!.GetValue<string>());
            progress = response.Headers.Location!.ToString();
            Assert.Equal($"/api/v1/account/deletion/{body["id"]}", progress);

            // Disabled at once, though far from deleted.
            using var login = await Host.CreateClient().PostJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password });
            Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
            // The access token the request was made with, still unexpired, is refused too: the security stamp changed.
            using var withOldToken = await user.Client.GetAsync("/api/v1/jobs", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Unauthorized, withOldToken.StatusCode);
            // Retried while storage is down, never given up.
            var retried = await AccountDeletionProgress.WaitUntilAsync(Host.CreateClient(), progress,
                state => state["attempts"]!.GetValue<int>() >= 3, TimeSpan.FromSeconds(30));
            Assert.Equal("in_progress", retried["status"]!.GetValue<string>());
        }
        finally
        {
            await S3Host.S3.StartAsync();
        }

        var done = await AccountDeletionProgress.WaitUntilDoneAsync(Host.CreateClient(), progress, TimeSpan.FromSeconds(60));
        Assert.NotNull(done["completed_at"]);
        var rowsAfter = await AccountChecks.RowsOfUserAsync(Host, user.Id);
        Assert.True(rowsAfter.Values.All(count => count == 0), string.Join(", ", rowsAfter));
        Assert.Empty(await StoredKeysAsync(userFiles));
        Assert.Empty(await AccountChecks.RedisKeysOfAsync(Host, user));
    }
}
