using System.Diagnostics;
using JobWise.Tests.Infrastructure;

namespace JobWise.Tests.Fidelity;

/// <summary>Headless LibreOffice Writer (Debian's libreoffice-writer-nogui) as a second, independent reader of our DOCX files.</summary>
public static class LibreOffice
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Converts every DOCX to PDF in one LibreOffice start (each start costs seconds), with a profile of its own so
    /// parallel runs and a user's own LibreOffice do not share a lock.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, byte[]>> ConvertToPdfAsync(IReadOnlyDictionary<string, byte[]> docxByName, CancellationToken cancellationToken)
    {
        using var folder = new TemporaryDirectory("soffice");
        var input = Directory.CreateDirectory(Path.Combine(folder.Path, "in")).FullName;
        var output = Directory.CreateDirectory(Path.Combine(folder.Path, "out")).FullName;
        var start = new ProcessStartInfo("soffice") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add($"-env:UserInstallation=file://{Path.Combine(folder.Path, "profile")}");
        foreach (var argument in new[] { "--headless", "--norestore", "--convert-to", "pdf", "--outdir", output })
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, docx) in docxByName)
        {
            var path = Path.Combine(input, name + ".docx");
            await File.WriteAllBytesAsync(path, docx, cancellationToken);
            start.ArgumentList.Add(path);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("soffice did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Deadline);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var pdfs = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var name in docxByName.Keys)
        {
            var pdf = Path.Combine(output, name + ".pdf");
            if (!File.Exists(pdf))
            {
                throw new InvalidOperationException($"LibreOffice made no PDF of {name} (exit {process.ExitCode}): {await stdout} {await stderr}");
            }
            pdfs[name] = await File.ReadAllBytesAsync(pdf, cancellationToken);
        }
        return pdfs;
    }
}
