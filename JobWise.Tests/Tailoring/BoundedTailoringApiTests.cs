using System.Net;
using System.Net.Http.Json;
using JobWise.Contracts;
using JobWise.Tests.Infrastructure;

namespace JobWise.Tests.Tailoring;

/// <summary>
/// Tests that measure the whole process's allocations, so they run alone, after the tests that run in parallel.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessAllocationCollection
{
    public const string Name = "process allocation";
}

/// <summary>
/// One POST /api/v1/generations with the largest posting and profile the API accepts costs a bounded amount, through
/// the real pipeline (auth, PostgreSQL, serialisation). Before tailoring was bounded, the measured case took 11 s and
/// about 1.7 GiB.
/// </summary>
[Collection(ProcessAllocationCollection.Name)]
public sealed class BoundedTailoringApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const long MiB = 1024 * 1024;
    private const long MaxRequestBytes = 64 * MiB;
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    public static TheoryData<string> Cases => ["measured: 150-word skill, 25,000-word posting", "largest profile and largest posting"];

    [Theory(Timeout = 180_000)]
    [MemberData(nameof(Cases))]
    public async Task A_tailored_generation_from_the_largest_inputs_allocates_a_bounded_amount(string name)
    {
        var measured = name.StartsWith("measured", StringComparison.Ordinal);
        var profile = measured ? LargeTailoringInputs.ProfileWithOneLongSkill() : LargeTailoringInputs.MaxProfile();
        var description = measured ? LargeTailoringInputs.OneLetterPosting() : LargeTailoringInputs.MaxPosting(profile);
        var user = await host.RegisterUserAsync();
        using (var put = await user.Client.PutJsonAsync("/api/v1/profile", new { content = profile }))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }
        using var job = await user.Client.PostJsonAsync("/api/v1/jobs", new { title = "Backend Engineer", company = "Northwind", description });
        var jobId = (await job.ReadJsonAsync())["id"]!.GetValue<string>();
        await WarmUpAsync(user);

        using var hangGuard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        hangGuard.CancelAfter(HangGuard);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        using var response = await user.Client.PostAsJsonAsync("/api/v1/generations", new { job_id = jobId }, ApiClientExtensions.Json, hangGuard.Token);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        TestContext.Current.TestOutputHelper?.WriteLine($"{name}: the request allocated {allocated / (double)MiB:0.0} MiB");
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToJsonString());
        Assert.Equal("tailored", body["source"]!.GetValue<string>());
        Assert.True(allocated < MaxRequestBytes, $"{name}: the request allocated {allocated / (double)MiB:0.0} MiB");
    }

    /// <summary>A small tailored generation first, so that start-up work (JIT, EF Core's model) is not measured.</summary>
    private static async Task WarmUpAsync(SignedInUser user)
    {
        var (title, description) = TailoringSamples.Postings()[0];
        using var job = await user.Client.PostJsonAsync("/api/v1/jobs", new { title, company = "Northwind", description });
        var jobId = (await job.ReadJsonAsync())["id"]!.GetValue<string>();
        using var response = await user.Client.PostJsonAsync("/api/v1/generations", new { job_id = jobId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
