using System.Globalization;

namespace JobWise.Tests.Benchmark;

/// <summary>
/// The whole machine's CPU time from <c>/proc/stat</c>: every process (API, renderer, Chromium and its helpers, the
/// database, this client), so a measurement can say how much of the machine a call kept busy.
/// </summary>
public readonly record struct MachineCpu(long BusyTicks, long TotalTicks)
{
    public static MachineCpu Now()
    {
        // "cpu  user nice system idle iowait irq softirq steal ..." in clock ticks; idle and iowait are the only idle ones.
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Take(8).Select(value => long.Parse(value, CultureInfo.InvariantCulture)).ToArray();
        var idle = fields[3] + fields[4];
        var total = fields.Sum();
        return new MachineCpu(total - idle, total);
    }

    public static MachineCpu operator -(MachineCpu later, MachineCpu earlier) =>
        new(later.BusyTicks - earlier.BusyTicks, later.TotalTicks - earlier.TotalTicks);

    public static MachineCpu operator +(MachineCpu a, MachineCpu b) => new(a.BusyTicks + b.BusyTicks, a.TotalTicks + b.TotalTicks);

    /// <summary>The share of all cores that was busy, 0 to 1.</summary>
    public double BusyShare => TotalTicks == 0 ? 0 : (double)BusyTicks / TotalTicks;

    /// <summary>Busy CPU time (summed over cores), given the kernel's 100 ticks a second.</summary>
    public TimeSpan BusyTime => TimeSpan.FromSeconds(BusyTicks / 100.0);
}
