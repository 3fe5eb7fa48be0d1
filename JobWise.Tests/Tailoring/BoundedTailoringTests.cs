using JobWise.ApiService.Ats;
using JobWise.ApiService.Model;
using JobWise.ApiService.Profiles;
using JobWise.ApiService.Tailoring;
using JobWise.ApiService.Validation;
using JobWise.Contracts;

namespace JobWise.Tests.Tailoring;

/// <summary>
/// Tailoring and keyword coverage cost a bounded amount for the largest posting and profile the API accepts. Bytes
/// allocated on the calling thread are deterministic, so they are the bound; the timeout only guards against a hang.
/// </summary>
public sealed class BoundedTailoringTests
{
    private const long MiB = 1024 * 1024;
    private const long MaxTailoringBytes = 8 * MiB;
    private const long MaxAtsBytes = 8 * MiB;

    /// <summary>About what the text of a 20-page PDF (the renderer's limit) holds.</summary>
    private const int MaxExtractedCharacters = 100_000;

    public static TheoryData<string> Cases => ["measured: 150-word skill, 25,000-word posting", "largest posting", "largest profile and largest posting"];

    [Theory(Timeout = 120_000)]
    [MemberData(nameof(Cases))]
    public async Task Tailoring_the_largest_inputs_allocates_a_bounded_amount(string name)
    {
        var (profile, description) = Inputs(name);
        var cancellationToken = TestContext.Current.CancellationToken;
        var (allocated, result) = await MeasureAsync(() => TailoringEngine.Tailor(profile, "Backend Engineer", description, new TailoringLimits(), cancellationToken),
            cancellationToken);

        TestContext.Current.TestOutputHelper?.WriteLine($"{name}: tailoring allocated {allocated / (double)MiB:0.00} MiB");
        Assert.True(allocated < MaxTailoringBytes, $"{name}: tailoring allocated {allocated / (double)MiB:0.0} MiB");
        Assert.Empty(NoInventionCheck.Violations(profile, result.Document));
        Assert.Equal(TailoringEngine.EngineName, result.Match.Engine);
    }

    [Theory(Timeout = 120_000)]
    [MemberData(nameof(Cases))]
    public async Task An_ats_report_on_the_largest_inputs_allocates_a_bounded_amount(string name)
    {
        var (profile, description) = Inputs(name);
        var text = PlainText(profile);
        var cancellationToken = TestContext.Current.CancellationToken;
        var (allocated, report) = await MeasureAsync(() => AtsChecker.Check(profile, text,
            PostingKeywords.Extract("Backend Engineer", description, ProfileVocabulary.Of(profile), cancellationToken), cancellationToken),
            cancellationToken);

        TestContext.Current.TestOutputHelper?.WriteLine($"{name}: the ATS check allocated {allocated / (double)MiB:0.00} MiB");
        Assert.True(allocated < MaxAtsBytes, $"{name}: the ATS check allocated {allocated / (double)MiB:0.0} MiB");
        Assert.NotNull(report.KeywordCoverage);
    }

    [Fact]
    public void The_largest_profile_is_one_the_api_accepts_and_the_largest_posting_is_full()
    {
        var profile = LargeTailoringInputs.MaxProfile();
        Assert.InRange(LargeTailoringInputs.BodyBytes(profile), ProfileApi.MaxBodyBytes - 2048, ProfileApi.MaxBodyBytes);
        var errors = new ValidationErrors();
        ResumeValidator.Validate(errors, "content", profile);
        Assert.False(errors.Any, string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key}: {e.Value[0]}")));
        Assert.Equal(JobLimits.Description, LargeTailoringInputs.MaxPosting(profile).Length);
        Assert.InRange(LargeTailoringInputs.OneLetterPosting().Length, JobLimits.Description - 2, JobLimits.Description);
    }

    [Fact]
    public void Tailoring_and_keyword_work_stop_at_once_when_cancelled()
    {
        var profile = LargeTailoringInputs.MaxProfile();
        var description = LargeTailoringInputs.MaxPosting(profile);
        var cancelled = new CancellationToken(canceled: true);

        Assert.ThrowsAny<OperationCanceledException>(() => TailoringEngine.Tailor(profile, "Backend Engineer", description, new TailoringLimits(), cancelled));
        Assert.ThrowsAny<OperationCanceledException>(() => PostingKeywords.Extract("Backend Engineer", description, ProfileVocabulary.Of(profile), cancelled));
        Assert.ThrowsAny<OperationCanceledException>(() => AtsChecker.Check(profile, description, [new Keyword("c#", 1)], cancelled));
    }

    [Fact(Timeout = 60_000)]
    public async Task Cancelling_during_tailoring_stops_it()
    {
        var profile = LargeTailoringInputs.MaxProfile();
        var description = LargeTailoringInputs.MaxPosting(profile);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var tailoring = Task.Run(() =>
        {
            // Until cancelled, tailoring runs over and over; the cancellation lands in the middle of one run.
            while (true)
            {
                TailoringEngine.Tailor(profile, "Backend Engineer", description, new TailoringLimits(), cancellation.Token);
            }
        }, TestContext.Current.CancellationToken);
        await Task.Delay(200, TestContext.Current.CancellationToken);
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => tailoring);
    }

    private static (ResumeDocument Profile, string Description) Inputs(string name)
    {
        if (name.StartsWith("measured", StringComparison.Ordinal))
        {
            return (LargeTailoringInputs.ProfileWithOneLongSkill(), LargeTailoringInputs.OneLetterPosting());
        }
        var profile = name.Contains("profile") ? LargeTailoringInputs.MaxProfile() : LargeTailoringInputs.ProfileWithOneLongSkill();
        return (profile, LargeTailoringInputs.MaxPosting(profile));
    }

    /// <summary>Bytes <paramref name="work"/> allocates on its thread, after a warm-up on small inputs (JIT, static tables).</summary>
    private static Task<(long Allocated, T Result)> MeasureAsync<T>(Func<T> work, CancellationToken cancellationToken) => Task.Run(() =>
    {
        var (title, description) = TailoringSamples.Postings()[0];
        var warm = TailoringEngine.Tailor(TailoringSamples.BackendEngineer(), title, description, new TailoringLimits(), cancellationToken);
        AtsChecker.Check(TailoringSamples.BackendEngineer(), PlainText(warm.Document),
            PostingKeywords.Extract(title, description, ProfileVocabulary.Of(warm.Document), cancellationToken), cancellationToken);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = work();
        return (GC.GetAllocatedBytesForCurrentThread() - before, result);
    }, cancellationToken);

    private static string PlainText(ResumeDocument document)
    {
        var text = string.Join('\n', ProfileVocabulary.AllText(document).Prepend(document.Header.Phone).Prepend(document.Header.Email)
            .Prepend(document.Header.Name).Concat(document.Sections.Select(s => s.Title)).Where(t => !string.IsNullOrEmpty(t)));
        return text.Length > MaxExtractedCharacters ? text[..MaxExtractedCharacters] : text;
    }
}
