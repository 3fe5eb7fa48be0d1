using System.Diagnostics;
using System.Net.Http.Json;
using JobWise.ApiService.Exports;
using JobWise.Contracts;
using JobWise.Renderer.Pdf;
using JobWise.Renderer.Templates;
using JobWise.Tests.Infrastructure;
using JobWise.Tests.Renderer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using PuppeteerSharp;

namespace JobWise.Tests.Benchmark;

/// <summary>
/// Measures the export path in one run on one machine, each part beside its floor and its baselines:
/// the bare pooled-Chromium print, a Chromium process per PDF, the renderer's endpoint, the API end to end with
/// PostgreSQL, Redis and both storage providers, throughput at several client counts, listing, and memory.
/// </summary>
public sealed class BenchmarkHarness(PostgresServer postgres, RedisServer redis, RendererServer renderer, BenchSettings settings)
{
    private static readonly int Slots = Math.Min(Environment.ProcessorCount, 6);
    private int _accentCounter;

    public async Task<BenchReport> RunAsync()
    {
        var report = new BenchReport
        {
            Commit = GitCommit(),
            Settings = settings.OnlyTailoring
                ? $"BENCH_ONLY=tailoring: only the in-process tailoring, {settings.TailoringRuns} runs each after {settings.TailoringWarmup} warm-up."
                : $"Template {BenchSettings.Template}, the shipped 2-page sample resume; {settings.Sequential} sequential calls after {settings.Warmup} warm-up, " +
                    $"{settings.Naive} naive runs, {settings.ThroughputDuration.TotalSeconds:0} s per throughput run, {settings.ListingExports} exports listed; renderer slots {Slots}; " +
                    $"tailoring {settings.TailoringRuns} runs each after {settings.TailoringWarmup} warm-up; " +
                    $"batches {settings.Batches} each way after {settings.BatchWarmup} warm-up each.",
        };
        // In-process and first, while nothing else of the run competes for the cores.
        report.InProcess.AddRange(TailoringBenchmark.Run(settings.TailoringWarmup, settings.TailoringRuns));
        var engine = report.InProcess.Where(r => r.Implementation == TailoringBenchmark.Engine).ToList();
        var baseline = report.InProcess.Where(r => r.Implementation == TailoringBenchmark.Baseline).ToList();
        report.Ratios["tailoring, largest inputs: baseline p50 / engine p50"] = baseline[0].Latency.P50 / engine[0].Latency.P50;
        if (settings.OnlyTailoring)
        {
            // A partial run must not stand in for the whole benchmark's latest.md.
            report.Write(settings.ResultsFolder, "latest-tailoring");
            return report;
        }

        var sample = RendererFactory.SampleResume();
        if (settings.Only == BenchSettings.BatchSection)
        {
            await MeasureBatchAsync(report, sample);
            report.Write(settings.ResultsFolder, "latest-batch");
            return report;
        }
        var (html, print) = await ComposeLikeTheRendererAsync(sample);

        await using var floor = await FloorPrinter.StartAsync(Slots);
        var floorRow = report.Add("floor: pooled Chromium print (no HTTP, no storage)", 1,
            await LoadRunner.SequentialAsync(settings.Warmup, settings.Sequential, async _ => { await floor.PrintAsync(html, print); return new(200); }));
        var naiveRow = report.Add("naive: new Chromium process per PDF", 1, await MeasureNaiveAsync(html));

        using var rendererClient = new HttpClient { BaseAddress = new Uri(renderer.Url), Timeout = TimeSpan.FromSeconds(120) };
        foreach (var format in new[] { RenderFormats.Pdf, RenderFormats.Docx })
        {
            report.Add($"renderer POST /render {format}", 1, await LoadRunner.SequentialAsync(settings.Warmup, settings.Sequential, async _ =>
            {
                using var response = await rendererClient.PostAsJsonAsync("/render",
                    new RenderRequest { Content = sample, Template = BenchSettings.Template, Format = format }, ContractJson.Options);
                await response.Content.LoadIntoBufferAsync();
                return new((int)response.StatusCode);
            }));
        }

        var e2e = new Dictionary<string, BenchRow>();
        var (localApi, localDatabase) = await StartApiAsync("local", overrides: null);
        using (localApi)
        await using (localApi.Server)
        {
            await MeasureEndToEndAsync(report, e2e, localApi, sample);
            await using (var s3 = new SwiftS3Server())
            {
                await s3.InitializeAsync();
                var (s3Api, _) = await StartApiAsync("s3", s3.ApiStorageSettings("jobwise-bench"));
                using (s3Api)
                await using (s3Api.Server)
                {
                    await MeasureEndToEndAsync(report, e2e, s3Api, sample);
                }
            }

            var pool = await localApi.CreateGenerationsAsync(sample, 20);
            var memory = new MemorySampler(renderer.ProcessId, localApi.Server.ProcessId);
            BenchRow? endToEndAtMost = null, floorAtMost = null;
            foreach (var clients in settings.Concurrency)
            {
                // A fresh accent colour per call makes every export a different file: nothing is reused.
                endToEndAtMost = report.Add("throughput: end to end POST /exports/pdf, local storage", clients,
                    await LoadRunner.ConcurrentAsync(clients, settings.ThroughputDuration, i =>
                        localApi.ExportAsync(RenderFormats.Pdf, pool[i % pool.Count], NextAccent())));
                await localApi.WaitForAtsReportsAsync(AtsDrainLimit);
                floorAtMost = report.Add("throughput: floor (pooled Chromium print)", clients,
                    await LoadRunner.ConcurrentAsync(clients, settings.ThroughputDuration, async _ => { await floor.PrintAsync(html, print); return new(200); }));
            }
            var (rendererPeak, apiPeak) = await memory.StopAsync();
            report.Memory.Add(new MemoryRow("renderer with its Chromium processes", rendererPeak.RssKb, rendererPeak.PssKb, rendererPeak.Processes));
            report.Memory.Add(new MemoryRow("API", apiPeak.RssKb, apiPeak.PssKb, apiPeak.Processes));

            using var lister = new BenchApi(localApi.Server, "local");
            await lister.SignInAsync();
            await SeedExportsAsync(localDatabase, lister.UserId, settings.ListingExports);
            report.Add($"GET /exports/files?limit=20 of a user with {settings.ListingExports} exports", 1,
                await LoadRunner.SequentialAsync(settings.Warmup, settings.Sequential, _ => lister.ListAsync()));

            report.Ratios["end-to-end PDF p50 / floor p50 (local storage)"] = e2e["local pdf"].Latency.P50 / floorRow.Latency.P50;
            report.Ratios["end-to-end PDF p50 / floor p50 (s3 storage)"] = e2e["s3 pdf"].Latency.P50 / floorRow.Latency.P50;
            report.Ratios["naive p50 / end-to-end PDF p50 (local storage)"] = naiveRow.Latency.P50 / e2e["local pdf"].Latency.P50;
            report.Ratios[$"throughput at {endToEndAtMost!.Concurrency} clients / floor throughput at {floorAtMost!.Concurrency}"] = endToEndAtMost.PerSecond / floorAtMost.PerSecond;
            report.Ratios[$"p95 / p50 at {endToEndAtMost.Concurrency} clients"] = endToEndAtMost.Latency.P95 / endToEndAtMost.Latency.P50;
            await MeasureBatchAsync(report, sample);
            report.Ratios["5xx responses, all runs"] = report.Rows.Sum(r => r.ServerErrors);
            report.Ratios["429/503 without Retry-After, all runs"] = report.Rows.Sum(r => r.RefusalsWithoutRetryAfter);
        }
        report.Write(settings.ResultsFolder);
        return report;
    }

    private static readonly TimeSpan AtsDrainLimit = TimeSpan.FromMinutes(5);

    private async Task MeasureEndToEndAsync(BenchReport report, Dictionary<string, BenchRow> e2e, BenchApi api, ResumeDocument sample)
    {
        await api.SignInAsync();
        foreach (var format in new[] { RenderFormats.Pdf, RenderFormats.Docx })
        {
            var generations = await api.CreateGenerationsAsync(sample, settings.Warmup + settings.Sequential);
            e2e[$"{api.Name} {format}"] = report.Add($"end to end POST /exports/{format}, {api.Name} storage", 1,
                await LoadRunner.SequentialAsync(settings.Warmup, settings.Sequential, i =>
                    api.ExportAsync(format, generations[i >= 0 ? i : settings.Sequential - 1 - i])));
            await api.WaitForAtsReportsAsync(AtsDrainLimit);
        }
        var repeated = (await api.CreateGenerationsAsync(sample, 1))[0];
        report.Add($"end to end repeated identical PDF (reuse), {api.Name} storage", 1,
            await LoadRunner.SequentialAsync(settings.Warmup, settings.Sequential, _ => api.ExportAsync(RenderFormats.Pdf, repeated)));
        await api.WaitForAtsReportsAsync(AtsDrainLimit);
    }

    /// <summary>
    /// A batch of every template × PDF and DOCX, rendered one after another (<c>Exports:BatchParallelism</c> 1, the way
    /// before parallel batches) and with the default parallelism, by two API processes called in turn.
    /// </summary>
    private async Task MeasureBatchAsync(BenchReport report, ResumeDocument sample)
    {
        string[] templates = ["modern", "classic", "creative", "ats_optimized"];
        var parallelism = new ExportOptions().BatchParallelism;
        var (sequentialApi, _) = await StartApiAsync("batch_sequential", new Dictionary<string, string> { ["Exports:BatchParallelism"] = "1" });
        var (parallelApi, _) = await StartApiAsync("batch_parallel", overrides: null);
        using (sequentialApi)
        using (parallelApi)
        await using (sequentialApi.Server)
        await using (parallelApi.Server)
        {
            await sequentialApi.SignInAsync();
            await parallelApi.SignInAsync();
            // A generation of its own per call (warm-up calls take the last ones), as a client tailoring per job would send.
            // The warm-up is long enough for both fresh API processes to finish their tiered JIT compilation: in the
            // first seconds it takes about half of the machine's CPU, and would be measured as part of the batches.
            var warmup = settings.BatchWarmup;
            var sequentialGenerations = await sequentialApi.CreateGenerationsAsync(sample, warmup + settings.Batches);
            var parallelGenerations = await parallelApi.CreateGenerationsAsync(sample, warmup + settings.Batches);
            int Index(int call) => call >= 0 ? call : settings.Batches - 1 - call;
            var (sequential, parallel) = await LoadRunner.AlternatingAsync(warmup, settings.Batches,
                call => sequentialApi.BatchAsync(sequentialGenerations[Index(call)], templates),
                call => parallelApi.BatchAsync(parallelGenerations[Index(call)], templates));
            var what = $"batch POST /exports/batch, {templates.Length} templates × pdf and docx, local";
            var before = report.Add($"{what}, one render at a time (BatchParallelism 1)", 1, sequential);
            var after = report.Add($"{what}, {parallelism} renders at once (BatchParallelism {parallelism})", 1, parallel);
            report.Ratios["batch of 8 p50: parallel / one at a time"] = after.Latency.P50 / before.Latency.P50;
            // Whether a batch is bound by the machine's cores: the CPU time one batch costs (every process) and the
            // share of all cores kept busy while batches ran.
            report.Ratios["batch, machine CPU seconds per batch: one at a time"] = sequential.Cpu.BusyTime.TotalSeconds / sequential.Calls;
            report.Ratios["batch, machine CPU seconds per batch: parallel"] = parallel.Cpu.BusyTime.TotalSeconds / parallel.Calls;
            report.Ratios["batch, share of all cores busy: one at a time"] = sequential.Cpu.BusyShare;
            report.Ratios["batch, share of all cores busy: parallel"] = parallel.Cpu.BusyShare;
        }
    }

    private string NextAccent() => $"#{Interlocked.Increment(ref _accentCounter) & 0xFFFFFF:X6}";

    private static async Task<(string Html, PdfOptions Print)> ComposeLikeTheRendererAsync(ResumeDocument sample)
    {
        await using var host = new RendererFactory();
        var store = host.Services.GetRequiredService<TemplateStore>();
        var template = store.Find(BenchSettings.Template)!;
        var options = RenderOptionsValidator.Resolve(template.Metadata, null, new Dictionary<string, string[]>())!;
        var html = await host.Services.GetRequiredService<HtmlComposer>().ComposeAsync(template, ResumeView.From(sample, null), options);
        return (html, PrintSettings.For(options, host.Services.GetRequiredService<IOptions<PdfLimitsOptions>>().Value.MaxPages));
    }

    private async Task<LoadRunner.Run> MeasureNaiveAsync(string html)
    {
        using var folder = new TemporaryDirectory("naive");
        var htmlPath = Path.Combine(folder.Path, "resume.html");
        await File.WriteAllTextAsync(htmlPath, html);
        return await LoadRunner.SequentialAsync(0, settings.Naive, async i =>
        {
            var bytes = await NaiveChromium.PrintAsync(htmlPath, Path.Combine(folder.Path, $"resume-{i}.pdf"));
            return new(bytes > 0 ? 200 : 500);
        });
    }

    private async Task<(BenchApi Api, string Database)> StartApiAsync(string name, IReadOnlyDictionary<string, string>? overrides)
    {
        var database = await postgres.CreateDatabaseAsync($"bench_{name}");
        // One user makes every request of the run: the tests' settings lift the limits that would measure themselves.
        var settingsForApi = ApiServerProcess.Settings(database, redis.ConnectionString,
            Path.Combine(Path.GetTempPath(), $"jobwise-bench-storage-{Guid.NewGuid():N}"), overrides);
        settingsForApi["Renderer:Url"] = renderer.Url;
        return (new BenchApi(await ApiServerProcess.StartAsync(settingsForApi), name), database);
    }

    private static async Task SeedExportsAsync(string connectionString, Guid userId, int count)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO exports (id, user_id, format, template, file_name, storage_key, file_size_bytes, page_count, fingerprint, created_at, expires_at)
            SELECT gen_random_uuid(), @user, 'pdf', 'modern', 'Bench_' || g || '.pdf', 'exports/seed/' || g || '.pdf', 50000, 2,
                   md5(g::text) || md5((g + 1)::text), now() - make_interval(secs => g), now() + interval '30 days'
            FROM generate_series(1, @count) AS g;
            ANALYZE exports;
            """, connection);
        insert.Parameters.AddWithValue("user", userId);
        insert.Parameters.AddWithValue("count", count);
        await insert.ExecuteNonQueryAsync();
    }

    private static string GitCommit()
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", $"-C {RepositoryPaths.Root} rev-parse --short HEAD") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var commit = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? commit : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }

    /// <summary>Peak memory of the renderer's process tree and of the API, sampled while the load runs.</summary>
    private sealed class MemorySampler
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task<(ProcessMemory.Sample, ProcessMemory.Sample)> _sampling;

        public MemorySampler(int rendererPid, int apiPid) => _sampling = Task.Run(async () =>
        {
            ProcessMemory.Sample rendererPeak = new(0, 0, 0), apiPeak = new(0, 0, 0);
            while (!_stop.IsCancellationRequested)
            {
                var rendererNow = ProcessMemory.OfTree(rendererPid);
                var apiNow = ProcessMemory.OfTree(apiPid);
                rendererPeak = rendererNow.PssKb > rendererPeak.PssKb ? rendererNow : rendererPeak;
                apiPeak = apiNow.PssKb > apiPeak.PssKb ? apiNow : apiPeak;
                try
                {
                    await Task.Delay(250, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
            return (rendererPeak, apiPeak);
        });

        public async Task<(ProcessMemory.Sample Renderer, ProcessMemory.Sample Api)> StopAsync()
        {
            await _stop.CancelAsync();
            var result = await _sampling;
            _stop.Dispose();
            return result;
        }
    }
}
