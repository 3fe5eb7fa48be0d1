using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using JobWise.Tests.Infrastructure;

namespace JobWise.Tests.Exports;

public sealed class LocalStorageExportTests(ExportsApiHost host) : IClassFixture<ExportsApiHost>
{
    private static readonly string[] Templates = ["modern", "classic", "creative", "ats_optimized"];

    [Fact]
    public async Task The_catalogue_lists_four_templates_with_scores_and_previews_that_are_png()
    {
        using var response = await host.CreateClient().GetAsync("/api/v1/exports/templates", TestContext.Current.CancellationToken);
        var templates = (await response.ReadJsonAsync())["templates"]!.AsArray();
        Assert.Equal(Templates.Order(), templates.Select(t => t!["id"]!.GetValue<string>()).Order());
        Assert.All(templates, t => Assert.InRange(t!["ats_score"]!.GetValue<int>(), 0, 100));

        var previewUrl = new Uri(templates[0]!["preview_url"]!.GetValue<string>());
        using var preview = await host.CreateClient().GetAsync(previewUrl.PathAndQuery, TestContext.Current.CancellationToken);
        var png = await preview.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal("image/png", preview.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
    }

    [Fact]
    public async Task Pdf_and_docx_of_every_template_download_through_their_links_byte_for_byte()
    {
        var scenario = await ExportScenario.CreateAsync(host);
        foreach (var template in Templates)
        {
            foreach (var format in new[] { "pdf", "docx" })
            {
                using var response = await scenario.ExportAsync(format, template);
                var export = await response.ReadJsonAsync();
                Assert.True(response.StatusCode == HttpStatusCode.Created, export.ToJsonString());
                Assert.Equal(format, export["format"]!.GetValue<string>());
                Assert.Matches($"^Alexandra_Chen_Northwind_Traders_{template}_\\d{{4}}-\\d{{2}}-\\d{{2}}\\.{format}$", export["filename"]!.GetValue<string>());
                if (format == "pdf")
                {
                    Assert.True(export["page_count"]!.GetValue<int>() >= 1);
                }
                else
                {
                    Assert.Null(export["page_count"]);
                }

                var stored = await File.ReadAllBytesAsync(StoredPath(scenario, export), TestContext.Current.CancellationToken);
                Assert.Equal(stored.Length, export["file_size_bytes"]!.GetValue<long>());
                using var download = await DownloadAsync(export["download_url"]!.GetValue<string>());
                Assert.Equal(HttpStatusCode.OK, download.StatusCode);
                Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
                Assert.Equal(export["filename"]!.GetValue<string>(), download.Content.Headers.ContentDisposition?.FileNameStar);
                Assert.Equal(stored, await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
            }
        }
    }

    [Fact]
    public async Task A_tampered_renamed_expired_or_path_climbing_link_is_refused()
    {
        var scenario = await ExportScenario.CreateAsync(host);
        using var response = await scenario.ExportAsync("docx", "classic");
        var link = new Uri((await response.ReadJsonAsync())["download_url"]!.GetValue<string>());
        var query = System.Web.HttpUtility.ParseQueryString(link.Query);
        var token = query["token"]!;
        var expires = long.Parse(query["expires"]!);
        var name = Uri.EscapeDataString(query["name"]!);

        using var tamperedToken = await DownloadAsync($"{link.AbsolutePath}?name={name}&token={Flip(token)}&expires={expires}");
        using var longerExpiry = await DownloadAsync($"{link.AbsolutePath}?name={name}&token={token}&expires={expires + 3600}");
        using var otherKey = await DownloadAsync($"{link.AbsolutePath.Replace(".docx", ".pdf")}?name={name}&token={token}&expires={expires}");
        using var otherName = await DownloadAsync($"{link.AbsolutePath}?name=Someone_Else.docx&token={token}&expires={expires}");
        using var expired = await DownloadAsync($"{link.AbsolutePath}?name={name}&token={token}&expires=1000");
        using var climbing = await DownloadAsync($"/api/v1/exports/download/exports/..%2F..%2F..%2Fetc%2Fpasswd?name={name}&token={token}&expires={expires}");
        Assert.Equal(
            [HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.NotFound],
            [tamperedToken.StatusCode, longerExpiry.StatusCode, otherKey.StatusCode, otherName.StatusCode, expired.StatusCode, climbing.StatusCode]);
    }

    [Fact]
    public async Task Listings_page_newest_first_and_group_a_jobs_exports_by_date()
    {
        var scenario = await ExportScenario.CreateAsync(host, company: "Contoso");
        var ids = new List<string>();
        foreach (var template in new[] { "modern", "classic", "creative" })
        {
            using var response = await scenario.ExportAsync("docx", template);
            ids.Add((await response.ReadJsonAsync())["id"]!.GetValue<string>());
        }

        using var first = await scenario.User.Client.GetAsync("/api/v1/exports/files?limit=2&offset=0", TestContext.Current.CancellationToken);
        var page = await first.ReadPageAsync();
        Assert.Equal(3, page.Total);
        Assert.Equal([ids[2], ids[1]], page.Strings("id"));
        using var second = await scenario.User.Client.GetAsync("/api/v1/exports/files?limit=2&offset=2", TestContext.Current.CancellationToken);
        Assert.Equal([ids[0]], (await second.ReadPageAsync()).Strings("id"));

        // Listing again reuses the cached links rather than signing new ones.
        using var again = await scenario.User.Client.GetAsync("/api/v1/exports/files?limit=2&offset=0", TestContext.Current.CancellationToken);
        Assert.Equal(page.Items[0]!["download_url"]!.GetValue<string>(), (await again.ReadPageAsync()).Items[0]!["download_url"]!.GetValue<string>());

        using var byJob = await scenario.User.Client.GetAsync($"/api/v1/exports/files/job/{scenario.JobId}", TestContext.Current.CancellationToken);
        var grouped = await byJob.ReadJsonAsync();
        Assert.Equal("Contoso", grouped["company"]!.GetValue<string>());
        Assert.Equal(3, grouped["total_exports"]!.GetValue<int>());
        var dates = grouped["exports_by_date"]!.AsObject();
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        Assert.Equal(3, dates[today]!.AsArray().Count);
        Assert.Equal(dates[today]!.AsArray().Sum(e => e!["file_size_bytes"]!.GetValue<long>()), grouped["total_size_bytes"]!.GetValue<long>());
        Assert.Equal([20, 0], new[] { grouped["limit"]!.GetValue<int>(), grouped["offset"]!.GetValue<int>() });

        // A page of a job's exports holds only its part; the totals still count all of them.
        using var pageOfJob = await scenario.User.Client.GetAsync($"/api/v1/exports/files/job/{scenario.JobId}?limit=2&offset=1", TestContext.Current.CancellationToken);
        var paged = await pageOfJob.ReadJsonAsync();
        Assert.Equal([ids[1], ids[0]], paged["exports_by_date"]![today]!.AsArray().Select(e => e!["id"]!.GetValue<string>()));
        Assert.Equal(3, paged["total_exports"]!.GetValue<int>());
        Assert.Equal(grouped["total_size_bytes"]!.GetValue<long>(), paged["total_size_bytes"]!.GetValue<long>());
        Assert.Equal([2, 1], new[] { paged["limit"]!.GetValue<int>(), paged["offset"]!.GetValue<int>() });
        using var tooMany = await scenario.User.Client.GetAsync($"/api/v1/exports/files/job/{scenario.JobId}?limit=101", TestContext.Current.CancellationToken);
        await tooMany.AssertValidationProblemAsync("limit");

        var stranger = await host.RegisterUserAsync();
        using var theirs = await stranger.Client.GetAsync($"/api/v1/exports/files/job/{scenario.JobId}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        using var theirList = await stranger.Client.GetAsync("/api/v1/exports/files", TestContext.Current.CancellationToken);
        Assert.Equal(0, (await theirList.ReadPageAsync()).Total);
        using var theirGet = await stranger.Client.GetAsync($"/api/v1/exports/{ids[0]}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, theirGet.StatusCode);
    }

    [Fact]
    public async Task A_batch_zip_holds_every_requested_file()
    {
        var scenario = await ExportScenario.CreateAsync(host);
        using var response = await scenario.User.Client.PostJsonAsync("/api/v1/exports/batch", new
        {
            generation_id = scenario.GenerationId,
            templates = new[] { "modern", "ats_optimized" },
            formats = new[] { "pdf", "docx" },
        });
        var export = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, export.ToJsonString());
        Assert.Equal("zip", export["format"]!.GetValue<string>());

        using var download = await DownloadAsync(export["download_url"]!.GetValue<string>());
        using var zip = new ZipArchive(await download.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        var names = zip.Entries.Select(e => e.Name).ToList();
        Assert.Equal(4, names.Count);
        foreach (var (template, format) in new[] { ("modern", "pdf"), ("modern", "docx"), ("ats_optimized", "pdf"), ("ats_optimized", "docx") })
        {
            var entry = Assert.Single(zip.Entries, e => e.Name.EndsWith($"_{template}_{DateTime.UtcNow:yyyy-MM-dd}.{format}"));
            Assert.True(entry.Length > 1000, $"{entry.Name} is {entry.Length} bytes");
        }
        // Rendered at once but written in the order asked for, so the same request makes the same ZIP.
        Assert.Equal(["modern.pdf", "modern.docx", "ats_optimized.pdf", "ats_optimized.docx"], names.Select(TemplateAndFormat).ToList());
    }

    private static string TemplateAndFormat(string entryName)
    {
        var format = Path.GetExtension(entryName).TrimStart('.');
        var template = new[] { "ats_optimized", "modern", "classic", "creative" }.First(t => entryName.Contains($"_{t}_", StringComparison.Ordinal));
        return $"{template}.{format}";
    }

    [Fact]
    public async Task Deleting_an_export_removes_its_row_and_its_file()
    {
        var scenario = await ExportScenario.CreateAsync(host);
        using var response = await scenario.ExportAsync("pdf", "modern");
        var export = await response.ReadJsonAsync();
        var path = StoredPath(scenario, export);
        Assert.True(File.Exists(path));

        var stranger = await host.RegisterUserAsync();
        using var theirs = await stranger.Client.DeleteAsync($"/api/v1/exports/{export["id"]}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.True(File.Exists(path));

        using var deleted = await scenario.User.Client.DeleteAsync($"/api/v1/exports/{export["id"]}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.False(File.Exists(path));
        using var gone = await scenario.User.Client.GetAsync($"/api/v1/exports/{export["id"]}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task A_repeated_identical_export_reuses_the_stored_file_instead_of_rendering_again()
    {
        var scenario = await ExportScenario.CreateAsync(host);
        using var first = await scenario.ExportAsync("pdf", "classic", new { accent_color = "#336699" });
        using var second = await scenario.ExportAsync("pdf", "classic", new { accent_color = "#336699" });
        using var different = await scenario.ExportAsync("pdf", "classic", new { accent_color = "#993366" });
        var a = await first.ReadJsonAsync();
        var b = await second.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.NotEqual(a["id"]!.GetValue<string>(), b["id"]!.GetValue<string>());

        var userFolder = $"exports/{scenario.User.Id:N}/";
        var files = host.StoredKeys().Where(key => key.StartsWith(userFolder, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, files.Count);
        Assert.Equal(StoredPath(scenario, a), StoredPath(scenario, b));

        // The shared file stays until the last export naming it goes.
        (await scenario.User.Client.DeleteAsync($"/api/v1/exports/{a["id"]}", TestContext.Current.CancellationToken)).Dispose();
        Assert.True(File.Exists(StoredPath(scenario, b)));
        using var download = await DownloadAsync(b["download_url"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
    }

    [Fact]
    public async Task Retention_removes_exactly_the_expired_exports_and_their_files()
    {
        var scenario = await ExportScenario.CreateAsync(host);
        var exports = new List<JsonNode>();
        foreach (var template in new[] { "modern", "classic", "creative" })
        {
            using var response = await scenario.ExportAsync("docx", template);
            exports.Add(await response.ReadJsonAsync());
        }
        var expiredIds = new[] { exports[0]["id"]!.GetValue<string>(), exports[2]["id"]!.GetValue<string>() };
        await host.ExecuteSqlAsync($"UPDATE exports SET expires_at = now() - interval '1 minute' WHERE id IN ('{expiredIds[0]}', '{expiredIds[1]}')");

        // Two sweeps at once, as two API replicas would run them: the rows are shared out, never removed twice.
        var removed = await Task.WhenAll(host.SweepRetentionAsync(), host.SweepRetentionAsync());
        Assert.True(removed.Sum() >= 2);

        Assert.False(File.Exists(StoredPath(scenario, exports[0])));
        Assert.True(File.Exists(StoredPath(scenario, exports[1])));
        Assert.False(File.Exists(StoredPath(scenario, exports[2])));
        using var list = await scenario.User.Client.GetAsync("/api/v1/exports/files", TestContext.Current.CancellationToken);
        Assert.Equal([exports[1]["id"]!.GetValue<string>()], (await list.ReadPageAsync()).Strings("id"));
    }

    [Fact]
    public async Task When_the_row_cannot_be_written_the_stored_file_is_removed_and_the_answer_is_503()
    {
        var scenario = await ExportScenario.CreateAsync(host);
        await host.ExecuteSqlAsync(
            """
            CREATE OR REPLACE FUNCTION refuse_export_rows() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'simulated write failure'; END $$ LANGUAGE plpgsql;
            CREATE TRIGGER refuse_export_rows BEFORE INSERT ON exports FOR EACH ROW EXECUTE FUNCTION refuse_export_rows();
            """);
        try
        {
            using var response = await scenario.ExportAsync("pdf", "classic");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.NotNull(response.Headers.RetryAfter);
        }
        finally
        {
            await host.ExecuteSqlAsync("DROP TRIGGER refuse_export_rows ON exports; DROP FUNCTION refuse_export_rows();");
        }
        // The file was stored before the row failed; it must not be left behind.
        Assert.DoesNotContain(host.StoredKeys(), key => key.StartsWith($"exports/{scenario.User.Id:N}/", StringComparison.Ordinal));
        using var list = await scenario.User.Client.GetAsync("/api/v1/exports/files", TestContext.Current.CancellationToken);
        Assert.Equal(0, (await list.ReadPageAsync()).Total);
    }

    [Theory]
    [InlineData("""{"template":"modern"}""", "generation_id")]
    [InlineData("""{"generation_id":"GEN","template":"fancy"}""", "template")]
    [InlineData("""{"generation_id":"GEN","template":"modern","options":{"accent_color":"red"}}""", "options.accent_color")]
    [InlineData("""{"generation_id":"GEN","template":"modern","options":{"page_size":"A3"}}""", "options.page_size")]
    [InlineData("""{"generation_id":"GEN","template":"modern","options":{"watermark":"x"}}""", "options.watermark")]
    [InlineData("""{"generation_id":"GEN","template":"modern","options":{"font_size":"big"}}""", "options.font_size")]
    [InlineData("""{"generation_id":"GEN","template":"modern","options":{"date_format":"dd.MM.yyyy"}}""", "options.date_format")]
    [InlineData("""{"generation_id":"GEN","template":"classic","options":{"date_format":2013}}""", "options.date_format")]
    public async Task Bad_export_requests_are_400_naming_the_field_and_store_nothing(string json, string field)
    {
        var scenario = await ExportScenario.CreateAsync(host);
        using var response = await scenario.User.Client.SendRawJsonAsync(HttpMethod.Post, "/api/v1/exports/pdf", json.Replace("GEN", scenario.GenerationId));
        await response.AssertValidationProblemAsync(field);
        Assert.DoesNotContain(host.StoredKeys(), key => key.StartsWith($"exports/{scenario.User.Id:N}/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Exporting_another_users_generation_is_404()
    {
        var owner = await ExportScenario.CreateAsync(host);
        var stranger = await host.RegisterUserAsync();
        using var response = await stranger.Client.PostJsonAsync("/api/v1/exports/pdf", new { generation_id = owner.GenerationId, template = "modern" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private Task<HttpResponseMessage> DownloadAsync(string url)
    {
        var target = url.StartsWith("http", StringComparison.Ordinal) ? new Uri(url).PathAndQuery : url;
        return host.CreateClient().GetAsync(target, TestContext.Current.CancellationToken);
    }

    private string StoredPath(ExportScenario scenario, JsonNode export)
    {
        var key = $"exports/{scenario.User.Id:N}/";
        var link = new Uri(export["download_url"]!.GetValue<string>());
        var storedKey = Uri.UnescapeDataString(link.AbsolutePath["/api/v1/exports/download/".Length..]);
        Assert.StartsWith(key, storedKey);
        return Path.Combine(host.StorageRoot, storedKey);
    }

    private static string Flip(string token) => (token[0] == 'A' ? 'B' : 'A') + token[1..];
}
