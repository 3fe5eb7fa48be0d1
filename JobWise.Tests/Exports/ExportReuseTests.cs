using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using JobWise.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace JobWise.Tests.Exports;

/// <summary>Identical exports share a stored file only when every byte of it would be the same.</summary>
public sealed class ExportReuseTests(ExportsApiHost host) : IClassFixture<ExportsApiHost>
{
    [Fact]
    public async Task The_same_content_for_jobs_at_two_companies_never_names_the_other_company()
    {
        var northwind = await ExportScenario.CreateAsync(host, company: "Northwind Traders");
        var contosoGeneration = await northwind.AddJobAsync("Contoso Pharmaceuticals");

        using var first = await northwind.ExportAsync("pdf", "modern");
        using var second = await northwind.User.Client.PostJsonAsync("/api/v1/exports/pdf", new { generation_id = contosoGeneration, template = "modern" });
        var a = await first.ReadJsonAsync();
        var b = await second.ReadJsonAsync();
        Assert.True(first.StatusCode == HttpStatusCode.Created, a.ToJsonString());
        Assert.True(second.StatusCode == HttpStatusCode.Created, b.ToJsonString());

        foreach (var (export, own, other) in new[] { (a, "Northwind", "Contoso"), (b, "Contoso", "Northwind") })
        {
            using var download = await host.CreateClient().GetAsync(new Uri(export["download_url"]!.GetValue<string>()).PathAndQuery,
                TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            var served = download.Content.Headers.ContentDisposition?.FileNameStar;
            Assert.Equal(export["filename"]!.GetValue<string>(), served);
            Assert.Contains(own, served);
            Assert.DoesNotContain(other, served);

            using var pdf = PdfDocument.Open(await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
            var title = pdf.Information.Title ?? "";
            Assert.Contains(own, title);
            Assert.DoesNotContain(other, title);
        }
    }

    [Fact]
    public async Task Another_date_format_is_another_file_and_the_same_one_is_reused()
    {
        var scenario = await ExportScenario.CreateAsync(host);
        using var monthNames = await scenario.ExportAsync("pdf", "modern");
        using var years = await scenario.ExportAsync("pdf", "modern", new { date_format = "yyyy" });
        using var yearsAgain = await scenario.ExportAsync("pdf", "modern", new { date_format = "yyyy" });
        var first = await monthNames.ReadJsonAsync();
        var second = await years.ReadJsonAsync();
        var third = await yearsAgain.ReadJsonAsync();
        Assert.True(years.StatusCode == HttpStatusCode.Created, second.ToJsonString());

        var monthNamesText = await DownloadedTextAsync(first);
        var yearsText = await DownloadedTextAsync(second);
        Assert.Contains("Mar 2021 – Present", monthNamesText);
        Assert.Contains("2021 – Present", yearsText);
        Assert.DoesNotContain("Mar 2021", yearsText);
        Assert.Equal(await DownloadedBytesAsync(second), await DownloadedBytesAsync(third));
        Assert.NotEqual(await DownloadedBytesAsync(first), await DownloadedBytesAsync(second));
    }

    [Fact]
    public async Task Options_left_out_and_the_templates_defaults_spelled_out_are_one_request_and_one_stored_file()
    {
        var scenario = await ExportScenario.CreateAsync(host);
        using var catalogue = await scenario.User.Client.GetAsync("/api/v1/exports/templates", TestContext.Current.CancellationToken);
        var defaults = (await catalogue.ReadJsonAsync())["templates"]!.AsArray()
            .Single(t => t!["id"]!.GetValue<string>() == "classic")!["default_options"]!.DeepClone();
        var storedBefore = host.StoredKeys().Count;

        using var implicitDefaults = await scenario.ExportAsync("pdf", "classic", new { });
        using var explicitDefaults = await scenario.ExportAsync("pdf", "classic", defaults);
        var first = await implicitDefaults.ReadJsonAsync();
        var second = await explicitDefaults.ReadJsonAsync();
        Assert.True(implicitDefaults.StatusCode == HttpStatusCode.Created, first.ToJsonString());
        Assert.True(explicitDefaults.StatusCode == HttpStatusCode.Created, second.ToJsonString());

        Assert.Equal(storedBefore + 1, host.StoredKeys().Count);
        Assert.Equal(await DownloadedBytesAsync(first), await DownloadedBytesAsync(second));
    }

    private async Task<byte[]> DownloadedBytesAsync(JsonNode export)
    {
        using var download = await host.CreateClient().GetAsync(new Uri(export["download_url"]!.GetValue<string>()).PathAndQuery,
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        return await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
    }

    private async Task<string> DownloadedTextAsync(JsonNode export) =>
        JobWise.ApiService.Ats.ExportTextReader.Read(await DownloadedBytesAsync(export), "pdf");
}
