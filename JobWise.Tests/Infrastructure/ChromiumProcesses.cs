using JobWise.Tests.Benchmark;

namespace JobWise.Tests.Infrastructure;

/// <summary>The Chromium browser processes one renderer started, found from its PID in /proc, for fault tests that kill them.</summary>
public static class ChromiumProcesses
{
    /// <summary>The topmost <c>chromium</c> processes under <paramref name="rendererPid"/> (their own children die with them).</summary>
    public static IReadOnlyList<int> BrowsersOf(int rendererPid) => ProcessMemory.Descendants(rendererPid)
        .Where(pid => Name(pid) == "chromium" && Name(ParentOf(pid)) != "chromium")
        .ToList();

    /// <summary>Kills every browser of <paramref name="rendererPid"/> at once, as a crash would; returns how many.</summary>
    public static int KillBrowsersOf(int rendererPid)
    {
        var killed = 0;
        foreach (var pid in BrowsersOf(rendererPid))
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                process.Kill();
                killed++;
            }
            catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
            {
                // It ended by itself (a recycle) while we looked.
            }
        }
        return killed;
    }

    private static string Name(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim();
        }
        catch (IOException)
        {
            return "";
        }
    }

    private static int ParentOf(int pid)
    {
        try
        {
            // "pid (comm) state ppid ...": the command may hold spaces and parentheses, so read after the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]);
        }
        catch (Exception exception) when (exception is IOException or FormatException)
        {
            return 0;
        }
    }
}
