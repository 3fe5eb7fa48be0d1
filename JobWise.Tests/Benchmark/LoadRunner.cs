using System.Diagnostics;

namespace JobWise.Tests.Benchmark;

/// <summary>Runs one operation many times and times it: in sequence, or from several clients for a fixed time.</summary>
public static class LoadRunner
{
    /// <summary>What one call did: its HTTP status (200 for a bare operation) and, for 429/503, whether Retry-After came.</summary>
    public readonly record struct CallResult(int Status, bool HasRetryAfter = false);

    /// <summary>The calls' timings; <paramref name="Cpu"/> is the machine's CPU over the calls (measured by <see cref="AlternatingAsync"/> only).</summary>
    public sealed record Run(LatencyStats Latency, int Calls, double PerSecond, IReadOnlyDictionary<int, int> Statuses, int RefusalsWithoutRetryAfter,
        MachineCpu Cpu = default)
    {
        public int ServerErrors => Statuses.Where(s => s.Key >= 500).Sum(s => s.Value);
    }

    public static async Task<Run> SequentialAsync(int warmup, int count, Func<int, Task<CallResult>> call)
    {
        for (var i = 0; i < warmup; i++)
        {
            await call(-1 - i);
        }
        var timings = new List<double>(count);
        var statuses = new Dictionary<int, int>();
        var unhinted = 0;
        var total = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var result = await call(i);
            timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            Count(statuses, result, ref unhinted);
        }
        return new Run(LatencyStats.Of(timings), count, count / total.Elapsed.TotalSeconds, statuses, unhinted);
    }

    /// <summary>
    /// Two ways of doing the same thing called in turn (a, b, a, b, …), so that both meet the same machine state and
    /// neither gets the quieter half of the run; each way is timed on its own.
    /// </summary>
    public static async Task<(Run A, Run B)> AlternatingAsync(int warmup, int count, Func<int, Task<CallResult>> a, Func<int, Task<CallResult>> b)
    {
        for (var i = 0; i < warmup; i++)
        {
            await a(-1 - i);
            await b(-1 - i);
        }
        var runs = new[] { (Call: a, Timings: new List<double>(count), Statuses: new Dictionary<int, int>()), (Call: b, Timings: new List<double>(count), Statuses: new Dictionary<int, int>()) };
        var unhinted = new int[2];
        var busy = new TimeSpan[2];
        var cpu = new MachineCpu[2];
        for (var i = 0; i < count; i++)
        {
            for (var way = 0; way < 2; way++)
            {
                var cpuBefore = MachineCpu.Now();
                var started = Stopwatch.GetTimestamp();
                var result = await runs[way].Call(i);
                var elapsed = Stopwatch.GetElapsedTime(started);
                cpu[way] += MachineCpu.Now() - cpuBefore;
                busy[way] += elapsed;
                runs[way].Timings.Add(elapsed.TotalMilliseconds);
                Count(runs[way].Statuses, result, ref unhinted[way]);
            }
        }
        Run RunOf(int way) => new(LatencyStats.Of(runs[way].Timings), count, count / busy[way].TotalSeconds, runs[way].Statuses, unhinted[way], cpu[way]);
        return (RunOf(0), RunOf(1));
    }

    /// <summary><paramref name="clients"/> loops calling as fast as answers come, for <paramref name="duration"/>.</summary>
    public static async Task<Run> ConcurrentAsync(int clients, TimeSpan duration, Func<int, Task<CallResult>> call)
    {
        var timings = new List<double>();
        var statuses = new Dictionary<int, int>();
        var unhinted = 0;
        var sequence = 0;
        var total = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            var mine = new List<double>();
            var myStatuses = new Dictionary<int, int>();
            var myUnhinted = 0;
            while (total.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                var result = await call(Interlocked.Increment(ref sequence));
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                Count(myStatuses, result, ref myUnhinted);
            }
            lock (timings)
            {
                timings.AddRange(mine);
                foreach (var (status, n) in myStatuses)
                {
                    statuses[status] = statuses.GetValueOrDefault(status) + n;
                }
                unhinted += myUnhinted;
            }
        })).ToList();
        await Task.WhenAll(workers);
        var elapsed = total.Elapsed.TotalSeconds;
        var succeeded = statuses.Where(s => s.Key is >= 200 and < 300).Sum(s => s.Value);
        return new Run(LatencyStats.Of(timings), timings.Count, succeeded / elapsed, statuses, unhinted);
    }

    private static void Count(Dictionary<int, int> statuses, CallResult result, ref int unhinted)
    {
        statuses[result.Status] = statuses.GetValueOrDefault(result.Status) + 1;
        if (result.Status is 429 or 503 && !result.HasRetryAfter)
        {
            unhinted++;
        }
    }
}
