namespace JobWise.Tests.Benchmark;

/// <summary>How much the benchmark measures. <see cref="Full"/> is what <c>./jobwise bench</c> runs; the smoke test runs <see cref="Smoke"/>.</summary>
public sealed record BenchSettings(
    int Warmup, int Sequential, int Naive, TimeSpan ThroughputDuration, IReadOnlyList<int> Concurrency, int ListingExports,
    string ResultsFolder, int TailoringWarmup = 3, int TailoringRuns = 30, int Batches = 20, int BatchWarmup = 20, string Only = "")
{
    /// <summary>The value of <c>BENCH_ONLY</c> that measures batch exports alone.</summary>
    public const string BatchSection = "batch";

    /// <summary>The value of <c>BENCH_ONLY</c> that measures the in-process tailoring and ATS keyword work alone.</summary>
    public const string TailoringSection = "tailoring";

    public bool OnlyTailoring => string.Equals(Only, TailoringSection, StringComparison.OrdinalIgnoreCase);

    public const string Template = "modern";

    public static BenchSettings Full(string resultsFolder) =>
        new(Warmup: 30, Sequential: 100, Naive: 10, ThroughputDuration: TimeSpan.FromSeconds(15), Concurrency: [1, 4, 8], ListingExports: 10_000, resultsFolder);

    public static BenchSettings Smoke(string resultsFolder) =>
        new(Warmup: 1, Sequential: 3, Naive: 1, ThroughputDuration: TimeSpan.FromSeconds(1), Concurrency: [1, 2], ListingExports: 50, resultsFolder,
            TailoringWarmup: 0, TailoringRuns: 1, Batches: 1, BatchWarmup: 1);

    /// <summary>
    /// Full unless overridden by BENCH_* environment variables (for a quicker look); <c>BENCH_ONLY=tailoring</c> measures
    /// only the in-process tailoring and ATS keyword work, <c>BENCH_TAILORING_RUNS</c> how many runs of each.
    /// </summary>
    public static BenchSettings FromEnvironment(string resultsFolder)
    {
        var full = Full(resultsFolder);
        int Read(string name, int fallback) => int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : fallback;
        return full with
        {
            Sequential = Read("BENCH_SEQUENTIAL", full.Sequential),
            Naive = Read("BENCH_NAIVE", full.Naive),
            ThroughputDuration = TimeSpan.FromSeconds(Read("BENCH_SECONDS", (int)full.ThroughputDuration.TotalSeconds)),
            ListingExports = Read("BENCH_LISTING_EXPORTS", full.ListingExports),
            TailoringRuns = Read("BENCH_TAILORING_RUNS", full.TailoringRuns),
            Batches = Read("BENCH_BATCHES", full.Batches),
            BatchWarmup = Read("BENCH_BATCH_WARMUP", full.BatchWarmup),
            Only = Environment.GetEnvironmentVariable("BENCH_ONLY") ?? "",
        };
    }
}
