using JobWise.Tests.Infrastructure;

namespace JobWise.Tests.Benchmark;

public sealed class BenchmarkTests(PostgresServer postgres, RedisServer redis, RendererServer renderer)
{
    /// <summary>The real run, for <c>./jobwise bench</c> only: results go to bench/results.</summary>
    [Fact(Explicit = true)]
    public async Task Run_the_benchmark()
    {
        var settings = BenchSettings.FromEnvironment(Path.Combine(RepositoryPaths.Root, "bench", "results"));
        var report = await new BenchmarkHarness(postgres, redis, renderer, settings).RunAsync();
        TestContext.Current.SendDiagnosticMessage(report.ToMarkdown());
        Assert.NotEmpty(settings.OnlyTailoring ? report.InProcess : report.Rows);
    }

    /// <summary>The harness works end to end with tiny counts; this is not a timing assertion.</summary>
    [Fact]
    public async Task Benchmark_harness_smoke_run_measures_every_part_and_writes_its_table()
    {
        using var results = new TemporaryDirectory("bench");
        var report = await new BenchmarkHarness(postgres, redis, renderer, BenchSettings.Smoke(results.Path)).RunAsync();

        foreach (var part in new[] { "floor:", "naive:", "renderer POST /render pdf", "renderer POST /render docx", "end to end POST /exports/pdf, local",
            "end to end POST /exports/pdf, s3", "end to end POST /exports/docx, s3", "end to end repeated identical PDF (reuse), local",
            "throughput: end to end", "throughput: floor", "GET /exports/files", "batch POST /exports/batch, 4 templates × pdf and docx, local, one render",
            "batch POST /exports/batch, 4 templates × pdf and docx, local, 4 renders" })
        {
            var row = Assert.Single(report.Rows, r => r.Name.StartsWith(part, StringComparison.Ordinal) && r.Concurrency == 1);
            Assert.True(row.Calls > 0, $"{part}: no calls");
            Assert.True(row.Statuses.Keys.All(status => status is >= 200 and < 300), $"{part}: {string.Join(",", row.Statuses.Keys)}");
        }
        Assert.Equal(2, report.Memory.Count);
        Assert.All(report.Memory, m => Assert.True(m.PeakPssKb > 0, m.Name));
        Assert.True(report.Memory[0].Processes > 2, "the renderer's Chromium processes were not counted");
        Assert.Equal(13, report.Ratios.Count);
        Assert.All(report.Ratios.Where(r => r.Key.StartsWith("batch, ", StringComparison.Ordinal)), r => Assert.True(r.Value > 0, $"{r.Key}: not measured"));
        Assert.Equal(6, report.InProcess.Count);
        Assert.All(report.InProcess, row => Assert.True(row.Latency.Count > 0 && row.AllocatedBytes > 0, $"{row.Name}, {row.Implementation}: not measured"));
        Assert.True(File.Exists(Path.Combine(results.Path, "latest.md")));
        Assert.Single(Directory.GetFiles(results.Path, "*.json"));
    }
}
