using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using JobWise.Tests.Infrastructure;
using JobWise.Tests.Tailoring;

namespace JobWise.Tests.Ats;

/// <summary>
/// The ATS report of an export whose job has the largest posting costs a bounded amount: its keyword coverage runs the
/// same phrase matching as tailoring, over the posting and the file's text.
/// </summary>
[Collection(ProcessAllocationCollection.Name)]
public sealed class BoundedAtsApiTests(ExportsApiHost host) : IClassFixture<ExportsApiHost>
{
    private const long MiB = 1024 * 1024;
    private const long MaxExportAndReportBytes = 32 * MiB;
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    [Fact(Timeout = 180_000)]
    public async Task The_ats_report_of_a_150_word_skill_against_a_25000_word_posting_allocates_a_bounded_amount()
    {
        var user = await host.RegisterUserAsync();
        await ExportAndReportAsync(user, TailoringSamples.Postings()[0].Description, CancellationToken.None);

        using var hangGuard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        hangGuard.CancelAfter(HangGuard);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var report = await ExportAndReportAsync(user, LargeTailoringInputs.OneLetterPosting(), hangGuard.Token);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        TestContext.Current.TestOutputHelper?.WriteLine($"the export and its ATS report allocated {allocated / (double)MiB:0.0} MiB");
        Assert.NotNull(report["keyword_coverage"]);
        Assert.True(allocated < MaxExportAndReportBytes, $"the export and its ATS report allocated {allocated / (double)MiB:0.0} MiB");
    }

    /// <summary>A DOCX export of the profile with a 150-word skill, for a job with <paramref name="description"/>, and its ATS report.</summary>
    private static async Task<JsonNode> ExportAndReportAsync(SignedInUser user, string description, CancellationToken cancellationToken)
    {
        using var job = await user.Client.PostAsJsonAsync("/api/v1/jobs", new { title = "Backend Engineer", company = "Northwind", description },
            ApiClientExtensions.Json, cancellationToken);
        var jobId = (await job.ReadJsonAsync())["id"]!.GetValue<string>();
        // Given content is not tailored: this measures the export and its report, not tailoring.
        using var generation = await user.Client.PostAsJsonAsync("/api/v1/generations",
            new { job_id = jobId, content_structured = LargeTailoringInputs.ProfileWithOneLongSkill() }, ApiClientExtensions.Json, cancellationToken);
        var generationId = (await generation.ReadJsonAsync())["id"]!.GetValue<string>();
        using var export = await user.Client.PostAsJsonAsync("/api/v1/exports/docx", new { generation_id = generationId, template = "classic" },
            ApiClientExtensions.Json, cancellationToken);
        var exportBody = await export.ReadJsonAsync();
        Assert.True(export.StatusCode == HttpStatusCode.Created, exportBody.ToJsonString());
        using var response = await user.Client.GetAsync($"/api/v1/exports/{exportBody["id"]}/ats", cancellationToken);
        var report = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, report.ToJsonString());
        return report;
    }
}
