using System.Diagnostics;
using JobWise.Renderer.Browser;

namespace JobWise.Tests.Benchmark;

/// <summary>The naive baseline: a new Chromium process per PDF, as a system without a warm pool would run it.</summary>
public static class NaiveChromium
{
    public static async Task<long> PrintAsync(string htmlPath, string pdfPath)
    {
        var start = new ProcessStartInfo("/usr/bin/chromium")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        // The same flags as the pool, minus the dead proxy (nothing to fetch from a local file anyway).
        foreach (var argument in ChromiumHost.LaunchArguments.Where(a => !a.StartsWith("--proxy", StringComparison.Ordinal)))
        {
            start.ArgumentList.Add(argument);
        }
        start.ArgumentList.Add("--headless");
        start.ArgumentList.Add("--no-pdf-header-footer");
        var profile = Path.Combine(Path.GetTempPath(), "jobwise-naive-" + Guid.NewGuid().ToString("N"));
        start.ArgumentList.Add($"--user-data-dir={profile}");
        start.ArgumentList.Add($"--print-to-pdf={pdfPath}");
        start.ArgumentList.Add(new Uri(htmlPath).AbsoluteUri);
        using var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Directory.Delete(profile, recursive: true);
        return new FileInfo(pdfPath).Length;
    }
}
