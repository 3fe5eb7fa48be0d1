using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using JobWise.ApiService.Ats;
using JobWise.Contracts;
using JobWise.Tests.Exports;
using JobWise.Tests.Infrastructure;
using JobWise.Tests.Tailoring;

namespace JobWise.Tests.Ats;

public sealed class AtsReportTests(ExportsApiHost host) : IClassFixture<ExportsApiHost>
{
    [Fact]
    public async Task A_clean_ats_optimized_export_scores_high_and_higher_than_one_with_planted_problems()
    {
        var clean = await ReportAsync(TailoringSamples.BackendEngineer(), "ats_optimized", "pdf");
        Assert.True(clean["score"]!.GetValue<int>() >= 90, clean.ToJsonString());
        Assert.DoesNotContain(clean["findings"]!.AsArray(), f => f!["severity"]!.GetValue<string>() == "error");

        var flawed = TailoringSamples.BackendEngineer();
        flawed.Header.Email = null;
        flawed.Sections.Single(s => s.Type == SectionTypes.Experience).Title = "My Journey";
        var problems = await ReportAsync(flawed, "ats_optimized", "pdf");
        var checks = problems["findings"]!.AsArray().Select(f => f!["check"]!.GetValue<string>()).ToList();
        Assert.Contains("email", checks);
        Assert.Contains("heading", checks);
        Assert.Contains(problems["findings"]!.AsArray(), f => f!["message"]!.GetValue<string>().Contains("My Journey") && f["advice"]!.GetValue<string>().Contains("Experience"));
        Assert.True(clean["score"]!.GetValue<int>() > problems["score"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_docx_export_is_read_back_from_its_own_text()
    {
        var report = await ReportAsync(TailoringSamples.BackendEngineer(), "classic", "docx");
        Assert.True(report["score"]!.GetValue<int>() >= 80, report.ToJsonString());
        Assert.True(report["extracted_characters"]!.GetValue<int>() > 500);
    }

    [Fact]
    public async Task Keyword_coverage_is_reported_for_an_export_that_belongs_to_a_job()
    {
        var user = await host.RegisterUserAsync();
        (await user.Client.PutJsonAsync("/api/v1/profile", new { content = TailoringSamples.BackendEngineer() })).Dispose();
        var (title, description) = TailoringSamples.Postings()[1];
        using var job = await user.Client.PostJsonAsync("/api/v1/jobs", new { title, company = "Litware", description });
        var jobId = (await job.ReadJsonAsync())["id"]!.GetValue<string>();
        using var generation = await user.Client.PostJsonAsync("/api/v1/generations", new { job_id = jobId });
        var generationId = (await generation.ReadJsonAsync())["id"]!.GetValue<string>();
        using var export = await user.Client.PostJsonAsync("/api/v1/exports/pdf", new { generation_id = generationId, template = "modern" });
        var exportId = (await export.ReadJsonAsync())["id"]!.GetValue<string>();

        using var response = await user.Client.GetAsync($"/api/v1/exports/{exportId}/ats", TestContext.Current.CancellationToken);
        var report = await response.ReadJsonAsync();
        Assert.InRange(report["keyword_coverage"]!.GetValue<int>(), 1, 99);
        Assert.Contains(report["findings"]!.AsArray(), f => f!["check"]!.GetValue<string>() == "keywords" && f["message"]!.GetValue<string>().Contains('%'));

        // Once made, the score shows on the export itself.
        using var read = await user.Client.GetAsync($"/api/v1/exports/{exportId}", TestContext.Current.CancellationToken);
        Assert.Equal(report["score"]!.GetValue<int>(), (await read.ReadJsonAsync())["ats_score"]!.GetValue<int>());
    }

    [Fact]
    public void Text_lost_in_the_file_is_found_and_costs_score()
    {
        var source = TailoringSamples.BackendEngineer();
        var full = PlainText(source);
        var lossy = full.Replace("Designed an event pipeline on Kafka handling 2M events per day.", "")
            .Replace("Shipped a C# .NET service for invoice generation used by 400 clients.", "Sh\uFFFDpped a C# service");

        var good = AtsChecker.Check(source, full, null, TestContext.Current.CancellationToken);
        var bad = AtsChecker.Check(source, lossy, null, TestContext.Current.CancellationToken);
        Assert.DoesNotContain(good.Findings, f => f.Check == "text");
        var finding = Assert.Single(bad.Findings, f => f.Check == "text");
        Assert.Contains("lost or garbled", finding.Message);
        Assert.True(good.Score > bad.Score);
    }

    [Fact]
    public async Task A_batch_zip_has_no_ats_report_and_another_users_export_is_404()
    {
        var scenario = await ExportScenario.CreateAsync(host);
        using var batch = await scenario.User.Client.PostJsonAsync("/api/v1/exports/batch",
            new { generation_id = scenario.GenerationId, templates = new[] { "modern" }, formats = new[] { "docx" } });
        var zipId = (await batch.ReadJsonAsync())["id"]!.GetValue<string>();
        using var zipReport = await scenario.User.Client.GetAsync($"/api/v1/exports/{zipId}/ats", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, zipReport.StatusCode);

        var stranger = await host.RegisterUserAsync();
        using var theirs = await stranger.Client.GetAsync($"/api/v1/exports/{zipId}/ats", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
    }

    private async Task<JsonNode> ReportAsync(ResumeDocument content, string template, string format)
    {
        var user = await host.RegisterUserAsync();
        using var generation = await user.Client.PostAsJsonAsync("/api/v1/generations", new { content_structured = content }, ApiClientExtensions.Json,
            TestContext.Current.CancellationToken);
        var generationId = (await generation.ReadJsonAsync())["id"]!.GetValue<string>();
        using var export = await user.Client.PostJsonAsync($"/api/v1/exports/{format}", new { generation_id = generationId, template });
        var body = await export.ReadJsonAsync();
        Assert.True(export.StatusCode == HttpStatusCode.Created, body.ToJsonString());
        using var response = await user.Client.GetAsync($"/api/v1/exports/{body["id"]}/ats", TestContext.Current.CancellationToken);
        var report = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, report.ToJsonString());
        return report;
    }

    private static string PlainText(ResumeDocument document) => string.Join('\n',
        new[] { document.Header.Name, document.Header.Email, document.Header.Phone }
            .Concat(document.Sections.Select(s => s.Title))
            .Concat(JobWise.ApiService.Tailoring.ProfileVocabulary.AllText(document))
            .Concat(document.Sections.SelectMany(s => s.Items).SelectMany(i => new[] { i.Start, i.End, i.Institution }))
            .Where(t => !string.IsNullOrEmpty(t)));
}
