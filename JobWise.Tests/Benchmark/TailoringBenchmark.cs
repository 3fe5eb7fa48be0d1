using System.Diagnostics;
using JobWise.ApiService.Tailoring;
using JobWise.Tests.Benchmark.Baseline;
using JobWise.Tests.Tailoring;

namespace JobWise.Tests.Benchmark;

/// <summary>
/// Times the deterministic tailoring and the ATS keyword work in-process on the largest inputs the API accepts (built
/// from the validators' limits by <see cref="LargeTailoringInputs"/>), each beside <see cref="BaselineTailoring"/> (the
/// engine as of commit 3bc667f) in the same run. Runs alternate between the two, so both see the same machine.
/// </summary>
public static class TailoringBenchmark
{
    /// <summary>What issue 10 asks of one tailoring of the largest inputs: well under this.</summary>
    public const double TargetMilliseconds = 100;

    public const string Engine = "engine";
    public const string Baseline = "baseline (engine of 3bc667f)";

    private const string Title = "Backend Engineer";

    public static IEnumerable<InProcessRow> Run(int warmup, int runs)
    {
        var cancellationToken = CancellationToken.None;
        var largest = LargeTailoringInputs.MaxProfile();
        var largestPosting = LargeTailoringInputs.MaxPosting(largest);
        var longSkill = LargeTailoringInputs.ProfileWithOneLongSkill();
        var oneLetterPosting = LargeTailoringInputs.OneLetterPosting();
        var fileText = string.Join('\n', ProfileVocabulary.AllText(largest).Where(t => !string.IsNullOrEmpty(t)));
        var limits = new TailoringLimits();

        foreach (var row in Compare($"tailoring: largest profile ({LargeTailoringInputs.BodyBytes(largest) / 1024} KiB) × largest posting ({largestPosting.Length} chars)", warmup, runs,
            () => TailoringEngine.Tailor(largest, Title, largestPosting, limits, cancellationToken),
            () => BaselineTailoring.Tailor(largest, Title, largestPosting, limits, cancellationToken)))
        {
            yield return row;
        }
        foreach (var row in Compare("tailoring: 150-word skill × 25,000-word posting (issue 10's case)", warmup, runs,
            () => TailoringEngine.Tailor(longSkill, Title, oneLetterPosting, limits, cancellationToken),
            () => BaselineTailoring.Tailor(longSkill, Title, oneLetterPosting, limits, cancellationToken)))
        {
            yield return row;
        }
        foreach (var row in Compare($"ATS keywords: largest posting's, covered in a file text of {fileText.Length} chars", warmup, runs,
            () => TermDictionary.Of(PostingKeywords.Extract(Title, largestPosting, ProfileVocabulary.Of(largest), cancellationToken).Select(k => k.Term))
                .MentionedIn(new TokenizedText().Load(fileText), cancellationToken),
            () => BaselineTailoring.KeywordsMentioned(
                BaselineTailoring.ExtractKeywords(Title, largestPosting, BaselineTailoring.VocabularyOf(largest), cancellationToken), fileText, cancellationToken)))
        {
            yield return row;
        }
    }

    private static IEnumerable<InProcessRow> Compare<T>(string name, int warmup, int runs, Func<T> engine, Func<T> baseline)
    {
        var engineRuns = new List<(double Milliseconds, long Bytes)>();
        var baselineRuns = new List<(double Milliseconds, long Bytes)>();
        for (var i = -warmup; i < runs; i++)
        {
            var (engineRun, baselineRun) = (Measure(engine), Measure(baseline));
            if (i >= 0)
            {
                engineRuns.Add(engineRun);
                baselineRuns.Add(baselineRun);
            }
        }
        yield return Row(name, Engine, engineRuns);
        yield return Row(name, Baseline, baselineRuns);
    }

    private static (double Milliseconds, long Bytes) Measure<T>(Func<T> work)
    {
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        GC.KeepAlive(work());
        var elapsed = clock.Elapsed.TotalMilliseconds;
        return (elapsed, GC.GetAllocatedBytesForCurrentThread() - bytes);
    }

    private static InProcessRow Row(string name, string implementation, List<(double Milliseconds, long Bytes)> runs) =>
        new(name, implementation, LatencyStats.Of(runs.Select(r => r.Milliseconds).ToList()),
            runs.Count == 0 ? 0 : runs.Select(r => r.Bytes).Order().ElementAt(runs.Count / 2), TargetMilliseconds);
}
