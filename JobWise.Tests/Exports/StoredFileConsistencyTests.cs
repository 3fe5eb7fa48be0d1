using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using JobWise.Tests.Infrastructure;
using Npgsql;

namespace JobWise.Tests.Exports;

/// <summary>A row never names a missing file and a file never outlives every row naming it, whatever runs at once.</summary>
public sealed class StoredFileConsistencyTests(ExportsApiHost host) : IClassFixture<ExportsApiHost>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reuse_racing_the_delete_of_the_last_row_never_leaves_a_row_without_its_file()
    {
        var scenario = await ExportScenario.CreateAsync(host);
        // Each round its own accent colour, so rounds running side by side never share a file.
        await Parallel.ForEachAsync(Enumerable.Range(0, 40), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = Cancellation },
            async (round, _) =>
            {
                var options = new { accent_color = $"#{round:X2}6699" };
                using var first = await scenario.ExportAsync("docx", "modern", options);
                var id = (await first.ReadJsonAsync())["id"]!.GetValue<string>();
                var delete = scenario.User.Client.DeleteAsync($"/api/v1/exports/{id}", Cancellation);
                var reuse = scenario.ExportAsync("docx", "modern", options);
                using var deleted = await delete;
                using var reused = await reuse;
                Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
                Assert.Equal(HttpStatusCode.Created, reused.StatusCode);
                using var download = await DownloadAsync((await reused.ReadJsonAsync())["download_url"]!.GetValue<string>());
                Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            });
        await AssertRowsAndFilesAgreeAsync(scenario);
    }

    [Fact]
    public async Task Two_deletes_of_exports_sharing_a_file_remove_the_file()
    {
        var scenario = await ExportScenario.CreateAsync(host);
        for (var round = 0; round < 10; round++)
        {
            var options = new { accent_color = $"#33{round:X2}99" };
            using var a = await scenario.ExportAsync("docx", "classic", options);
            using var b = await scenario.ExportAsync("docx", "classic", options);
            var ids = new[] { await IdOf(a), await IdOf(b) };
            var deletes = await Task.WhenAll(ids.Select(id => scenario.User.Client.DeleteAsync($"/api/v1/exports/{id}", Cancellation)));
            Assert.All(deletes, response => Assert.Equal(HttpStatusCode.NoContent, response.StatusCode));
        }
        Assert.Empty(FilesOf(scenario));
        await AssertRowsAndFilesAgreeAsync(scenario);
    }

    [Fact]
    public async Task A_reuse_of_a_row_whose_file_was_deleted_behind_its_back_renders_again()
    {
        var scenario = await ExportScenario.CreateAsync(host);
        using var first = await scenario.ExportAsync("pdf", "creative");
        var firstKey = Assert.Single(FilesOf(scenario));
        File.Delete(Path.Combine(host.StorageRoot, firstKey));

        using var again = await scenario.ExportAsync("pdf", "creative");
        var export = await again.ReadJsonAsync();
        Assert.True(again.StatusCode == HttpStatusCode.Created, export.ToJsonString());
        using var download = await DownloadAsync(export["download_url"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(export["file_size_bytes"]!.GetValue<long>(), (await download.Content.ReadAsByteArrayAsync(Cancellation)).Length);
        Assert.NotEqual(firstKey, Assert.Single(FilesOf(scenario)));
    }

    [Fact]
    public async Task A_row_write_cancelled_by_the_client_leaves_no_file()
    {
        var scenario = await ExportScenario.CreateAsync(host);
        await host.ExecuteSqlAsync(
            """
            CREATE OR REPLACE FUNCTION slow_export_rows() RETURNS trigger AS $$ BEGIN PERFORM pg_sleep(3); RETURN NEW; END $$ LANGUAGE plpgsql;
            CREATE TRIGGER slow_export_rows BEFORE INSERT ON exports FOR EACH ROW EXECUTE FUNCTION slow_export_rows();
            """);
        try
        {
            using var impatient = new CancellationTokenSource(TimeSpan.FromSeconds(1.5));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => scenario.User.Client.PostAsJsonAsync("/api/v1/exports/docx",
                new { generation_id = scenario.GenerationId, template = "ats_optimized" }, ApiClientExtensions.Json, impatient.Token));
            // The API sees the abort, cancels the insert and removes the file it stored.
            await WaitUntilAsync(() => FilesOf(scenario).Count == 0 && !HasSleepingInsert());
        }
        finally
        {
            await host.ExecuteSqlAsync("DROP TRIGGER slow_export_rows ON exports; DROP FUNCTION slow_export_rows();");
        }
        await Task.Delay(TimeSpan.FromSeconds(3), Cancellation);
        Assert.Empty(FilesOf(scenario));
        await AssertRowsAndFilesAgreeAsync(scenario);
    }

    [Fact]
    public async Task The_orphan_sweep_removes_an_old_unnamed_file_and_leaves_fresh_and_named_ones()
    {
        var scenario = await ExportScenario.CreateAsync(host);
        using var response = await scenario.ExportAsync("docx", "modern");
        var named = Assert.Single(FilesOf(scenario));
        var folder = Path.GetDirectoryName(Path.Combine(host.StorageRoot, named))!;
        var oldOrphan = Path.Combine(folder, $"{Guid.NewGuid():N}.pdf");
        var freshOrphan = Path.Combine(folder, $"{Guid.NewGuid():N}.pdf");
        await File.WriteAllTextAsync(oldOrphan, "left behind", Cancellation);
        await File.WriteAllTextAsync(freshOrphan, "being recorded right now", Cancellation);
        var twoHoursAgo = DateTime.UtcNow.AddHours(-2);
        File.SetLastWriteTimeUtc(oldOrphan, twoHoursAgo);
        File.SetLastWriteTimeUtc(Path.Combine(host.StorageRoot, named), twoHoursAgo);

        var removed = await Task.WhenAll(host.SweepOrphansAsync(), host.SweepOrphansAsync());

        Assert.True(removed.Sum() >= 1);
        Assert.False(File.Exists(oldOrphan));
        Assert.True(File.Exists(freshOrphan));
        Assert.True(File.Exists(Path.Combine(host.StorageRoot, named)));
        File.Delete(freshOrphan);
    }

    private static async Task<string> IdOf(HttpResponseMessage response) => (await response.ReadJsonAsync())["id"]!.GetValue<string>();

    private List<string> FilesOf(ExportScenario scenario) =>
        host.StoredKeys().Where(key => key.StartsWith($"exports/{scenario.User.Id:N}/", StringComparison.Ordinal)).ToList();

    private async Task AssertRowsAndFilesAgreeAsync(ExportScenario scenario)
    {
        var named = new HashSet<string>();
        await using (var connection = new NpgsqlConnection(host.ConnectionString))
        {
            await connection.OpenAsync(Cancellation);
            await using var command = new NpgsqlCommand("SELECT storage_key FROM exports WHERE user_id = @user", connection);
            command.Parameters.AddWithValue("user", scenario.User.Id);
            await using var reader = await command.ExecuteReaderAsync(Cancellation);
            while (await reader.ReadAsync(Cancellation))
            {
                named.Add(reader.GetString(0));
            }
        }
        var stored = FilesOf(scenario).ToHashSet();
        Assert.Empty(named.Except(stored));
        Assert.Empty(stored.Except(named));
    }

    private bool HasSleepingInsert()
    {
        using var connection = new NpgsqlConnection(host.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'INSERT INTO exports%' AND state = 'active' AND datname = current_database()", connection);
        return (long)command.ExecuteScalar()! > 0;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold within 15 s.");
            await Task.Delay(100, Cancellation);
        }
    }

    private Task<HttpResponseMessage> DownloadAsync(string url) => host.CreateClient().GetAsync(new Uri(url).PathAndQuery, Cancellation);
}
