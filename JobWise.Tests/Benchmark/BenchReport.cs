using System.Globalization;
using System.Text;
using System.Text.Json;

namespace JobWise.Tests.Benchmark;

/// <summary>One measured line of the benchmark table.</summary>
public sealed record BenchRow(string Name, int Concurrency, LatencyStats Latency, double PerSecond, int Calls, int ServerErrors,
    IReadOnlyDictionary<int, int> Statuses, int RefusalsWithoutRetryAfter);

/// <summary>One in-process measurement: its timings, the bytes one run allocates (median), and what it should stay under.</summary>
public sealed record InProcessRow(string Name, string Implementation, LatencyStats Latency, long AllocatedBytes, double TargetMilliseconds);

public sealed record MemoryRow(string Name, long PeakRssKb, long PeakPssKb, int Processes);

/// <summary>The benchmark's table and the ratios that matter, written as Markdown and JSON.</summary>
public sealed class BenchReport
{
    public List<BenchRow> Rows { get; } = [];
    public List<InProcessRow> InProcess { get; } = [];
    public List<MemoryRow> Memory { get; } = [];
    public Dictionary<string, double> Ratios { get; } = [];
    public string Commit { get; init; } = "";
    public int Cores { get; init; } = Environment.ProcessorCount;
    public DateTimeOffset When { get; init; } = DateTimeOffset.UtcNow;
    public string Settings { get; init; } = "";

    public BenchRow Add(string name, int concurrency, LoadRunner.Run run)
    {
        var row = new BenchRow(name, concurrency, run.Latency, run.PerSecond, run.Calls, run.ServerErrors, run.Statuses, run.RefusalsWithoutRetryAfter);
        Rows.Add(row);
        return row;
    }

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"Benchmark of {When:yyyy-MM-dd HH:mm} UTC, commit {Commit}, {Cores} cores. {Settings}");
        md.AppendLine();
        AppendTable(md, "| measurement | clients | calls | p50 ms | p95 ms | p99 ms | per second | statuses |", "|---|---:|---:|---:|---:|---:|---:|---|",
            Rows, row => $"| {row.Name} | {row.Concurrency} | {row.Calls} | {row.Latency.P50:F1} | {row.Latency.P95:F1} | {row.Latency.P99:F1} | {row.PerSecond:F1} | {string.Join(" ", row.Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))} |");
        AppendTable(md, "| in-process measurement (one thread) | implementation | runs | p50 ms | p95 ms | allocated MiB per run | target ms |", "|---|---|---:|---:|---:|---:|---:|",
            InProcess, row => $"| {row.Name} | {row.Implementation} | {row.Latency.Count} | {row.Latency.P50:F1} | {row.Latency.P95:F1} | {row.AllocatedBytes / (1024.0 * 1024):F2} | < {row.TargetMilliseconds:F0} |");
        AppendTable(md, "| memory (peak during the throughput runs) | processes | RSS MiB | PSS MiB |", "|---|---:|---:|---:|",
            Memory, row => $"| {row.Name} | {row.Processes} | {row.PeakRssKb / 1024.0:F0} | {row.PeakPssKb / 1024.0:F0} |");
        AppendTable(md, "| ratio | value |", "|---|---:|", Ratios, ratio => $"| {ratio.Key} | {ratio.Value:F2} |");
        return md.ToString().TrimEnd() + Environment.NewLine;
    }

    /// <summary>A Markdown table of <paramref name="rows"/> and a blank line after it; nothing when there are none.</summary>
    private static void AppendTable<T>(StringBuilder md, string header, string alignment, IEnumerable<T> rows, Func<T, FormattableString> line)
    {
        var lines = rows.Select(row => line(row).ToString(CultureInfo.InvariantCulture)).ToList();
        if (lines.Count == 0)
        {
            return;
        }
        md.AppendLine(header).AppendLine(alignment);
        lines.ForEach(text => md.AppendLine(text));
        md.AppendLine();
    }

    public string ToJson() => JsonSerializer.Serialize(new { When, Commit, Cores, Settings, Rows, InProcess, Memory, Ratios },
        new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals });

    /// <summary>Writes <c>{stamp}.md</c>, <c>{stamp}.json</c> and <c>{latest}.md</c>; returns the Markdown path.</summary>
    public string Write(string folder, string latest = "latest")
    {
        Directory.CreateDirectory(folder);
        var stamp = When.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var markdown = ToMarkdown();
        File.WriteAllText(Path.Combine(folder, $"{stamp}.md"), markdown);
        File.WriteAllText(Path.Combine(folder, $"{stamp}.json"), ToJson());
        File.WriteAllText(Path.Combine(folder, $"{latest}.md"), markdown);
        return Path.Combine(folder, $"{stamp}.md");
    }
}
