using System.Globalization;

namespace JobWise.Tests.Benchmark;

/// <summary>RSS and PSS of a process and all its descendants (a renderer with its Chromium processes), from /proc.</summary>
public static class ProcessMemory
{
    public sealed record Sample(long RssKb, long PssKb, int Processes);

    public static Sample OfTree(int rootPid)
    {
        long rss = 0, pss = 0;
        var pids = Descendants(rootPid).Prepend(rootPid).ToList();
        foreach (var pid in pids)
        {
            try
            {
                foreach (var line in File.ReadLines($"/proc/{pid}/smaps_rollup"))
                {
                    if (line.StartsWith("Rss:", StringComparison.Ordinal))
                    {
                        rss += Kilobytes(line);
                    }
                    else if (line.StartsWith("Pss:", StringComparison.Ordinal))
                    {
                        pss += Kilobytes(line);
                    }
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }
        return new Sample(rss, pss, pids.Count);
    }

    public static IEnumerable<int> Descendants(int pid)
    {
        var children = new List<int>();
        try
        {
            foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
            {
                children.AddRange(File.ReadAllText(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse));
            }
        }
        catch (IOException)
        {
            // The process (or one of its threads) ended while we looked: it has no children to count.
        }
        return children.SelectMany(child => Descendants(child).Prepend(child));
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
