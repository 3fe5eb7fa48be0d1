using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using JobWise.Tests.Infrastructure;

namespace JobWise.Tests.Accounts;

public sealed class AccountArchiveTests(ExportsApiHost host) : IClassFixture<ExportsApiHost>
{
    [Fact]
    public async Task The_data_archive_holds_every_item_of_the_account_and_its_json_resume_validates_against_the_official_schema()
    {
        var data = await AccountData.CreateAsync(host);
        var client = data.User.Client;
        using var listed = await client.GetAsync("/api/v1/exports/files?limit=100", TestContext.Current.CancellationToken);
        var exportsBefore = (await listed.ReadPageAsync()).Items;
        var withReports = exportsBefore.Where(e => e!["ats_score"] is not null).Select(e => AccountData.Id(e!)).Order().ToList();
        Assert.Equal(2, withReports.Count);

        using var response = await client.PostAsync("/api/v1/account/export", null, TestContext.Current.CancellationToken);
        var archive = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, archive.ToJsonString());
        Assert.Equal($"/api/v1/exports/{AccountData.Id(archive)}", response.Headers.Location?.ToString());
        Assert.Equal("zip", archive["format"]!.GetValue<string>());
        Assert.Matches(@"^jobwise-account-data-\d{4}-\d{2}-\d{2}\.zip$", archive["filename"]!.GetValue<string>());
        var bytes = await DownloadAsync(archive["download_url"]!.GetValue<string>());
        Assert.Equal(bytes.Length, archive["file_size_bytes"]!.GetValue<long>());
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);

        var manifest = Read(zip, "manifest.json");
        Assert.Equal(data.JobIds.Count, manifest["jobs"]!.GetValue<int>());
        Assert.Equal(data.GenerationIds.Count, manifest["generations"]!.GetValue<int>());
        Assert.Equal(data.ExportIds.Count, manifest["exports"]!.GetValue<int>());
        Assert.Equal(data.ExportIds.Count, manifest["export_files"]!.GetValue<int>());
        Assert.Equal(withReports.Count, manifest["ats_reports"]!.GetValue<int>());
        Assert.Equal(data.User.Email, Read(zip, "account.json")["email"]!.GetValue<string>());

        Assert.Equal(data.JobIds.Order(), Read(zip, "jobs.json").AsArray().Select(j => AccountData.Id(j!)).Order());
        var generations = Read(zip, "generations.json").AsArray();
        Assert.Equal(data.GenerationIds.Order(), generations.Select(g => AccountData.Id(g!)).Order());
        foreach (var generation in generations)
        {
            var live = await AccountData.ExpectAsync(HttpStatusCode.OK, client.GetAsync($"/api/v1/generations/{AccountData.Id(generation!)}",
                TestContext.Current.CancellationToken));
            Assert.True(JsonNode.DeepEquals(live, generation), $"archived:\n{generation}\nlive:\n{live}");
        }
        Assert.NotNull(generations.Single(g => AccountData.Id(g!) == data.TailoredGenerationId)!["match"]);

        var exports = Read(zip, "exports.json").AsArray();
        Assert.Equal(data.ExportIds.Order(), exports.Select(e => AccountData.Id(e!)).Order());
        foreach (var export in exports)
        {
            var live = exportsBefore.Single(e => AccountData.Id(e!) == AccountData.Id(export!))!;
            Assert.Equal(live["filename"]!.GetValue<string>(), export!["filename"]!.GetValue<string>());
            var file = zip.GetEntry(export["archive_path"]!.GetValue<string>());
            Assert.NotNull(file);
            await using var entry = await file.OpenAsync(TestContext.Current.CancellationToken);
            using var copy = new MemoryStream();
            await entry.CopyToAsync(copy, TestContext.Current.CancellationToken);
            Assert.Equal(await DownloadAsync(live["download_url"]!.GetValue<string>()), copy.ToArray());
        }
        Assert.Equal(withReports, Read(zip, "ats_reports.json").AsArray().Select(r => r!["export_id"]!.GetValue<string>()).Order());
        Assert.All(Read(zip, "ats_reports.json").AsArray(), r => Assert.InRange(r!["report"]!["score"]!.GetValue<int>(), 0, 100));

        var profile = await AccountData.ExpectAsync(HttpStatusCode.OK, client.GetAsync("/api/v1/profile", TestContext.Current.CancellationToken));
        Assert.True(JsonNode.DeepEquals(profile, Read(zip, "profile/profile.json")));
        var jsonResume = Read(zip, "profile/resume.json");
        JsonResumeSchema.AssertValid(jsonResume);
        Assert.Equal("Alexandra Chen", jsonResume["basics"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_later_archive_lists_the_earlier_one_without_its_file_and_both_are_exports_of_the_account()
    {
        var user = await host.RegisterUserAsync();
        var first = await AccountData.ExpectAsync(HttpStatusCode.Created, user.Client.PostAsync("/api/v1/account/export", null, TestContext.Current.CancellationToken));
        var second = await AccountData.ExpectAsync(HttpStatusCode.Created, user.Client.PostAsync("/api/v1/account/export", null, TestContext.Current.CancellationToken));
        using var zip = new ZipArchive(new MemoryStream(await DownloadAsync(second["download_url"]!.GetValue<string>())), ZipArchiveMode.Read);

        var listed = Read(zip, "exports.json").AsArray().Single();
        Assert.Equal(AccountData.Id(first), AccountData.Id(listed!));
        Assert.Null(listed!["archive_path"]);
        Assert.Equal(0, Read(zip, "manifest.json")["export_files"]!.GetValue<int>());
        JsonResumeSchema.AssertValid(Read(zip, "profile/resume.json"));
        using var files = await user.Client.GetAsync("/api/v1/exports/files", TestContext.Current.CancellationToken);
        Assert.Equal(2, (await files.ReadPageAsync()).Total);
    }

    [Fact]
    public async Task Asking_for_the_archive_without_a_token_is_401()
    {
        using var response = await host.CreateClient().PostAsync("/api/v1/account/export", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static JsonNode Read(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name);
        Assert.True(entry is not null, $"the archive has no {name}: {string.Join(", ", zip.Entries.Select(e => e.FullName))}");
        using var reader = new StreamReader(entry.Open());
        return JsonNode.Parse(reader.ReadToEnd())!;
    }

    private async Task<byte[]> DownloadAsync(string url)
    {
        using var download = await host.CreateClient().GetAsync(new Uri(url).PathAndQuery, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        return await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
    }
}
