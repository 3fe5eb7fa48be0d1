using System.IO.Compression;
using JobWise.ApiService.Rendering;
using JobWise.Contracts;
using Microsoft.Extensions.Options;

namespace JobWise.ApiService.Exports;

/// <summary>One file of a batch: its name inside the ZIP and the render that makes it.</summary>
public sealed record BatchEntry(string FileName, RenderRequest Request);

/// <summary>Renders a batch into a ZIP in a temporary file (<see cref="TemporaryZipFile"/>), so a batch never sits whole in memory.</summary>
public sealed class BatchZipBuilder(RendererClient renderer, IOptions<ExportOptions> options)
{
    public Task<(FileStream? Zip, ExportOutcome? Failure)> BuildAsync(
        IReadOnlyList<BatchEntry> entries, TimeSpan retryAfter, CancellationToken cancellationToken) =>
        TemporaryZipFile.WriteAsync((zip, _) => WriteEntriesAsync(zip, entries, retryAfter, cancellationToken));

    private async Task<ExportOutcome?> WriteEntriesAsync(
        ZipArchive zip, IReadOnlyList<BatchEntry> entries, TimeSpan retryAfter, CancellationToken cancellationToken)
    {
        long contentBytes = 0;
        foreach (var entry in entries)
        {
            var outcome = await renderer.RenderAsync(entry.Request, cancellationToken);
            if (!outcome.Succeeded)
            {
                return RendererFailures.ToOutcome(outcome, retryAfter);
            }
            contentBytes += outcome.Content!.Length;
            if (contentBytes > options.Value.MaxBatchBytes)
            {
                return new ExportOutcome.Refused(StatusCodes.Status413PayloadTooLarge, "The request body is too large.",
                    $"At most {options.Value.MaxBatchBytes} bytes are accepted.");
            }
            // PDF and DOCX are compressed already: storing them costs nothing and saves the CPU.
            var zipEntry = zip.CreateEntry(entry.FileName, CompressionLevel.NoCompression);
            await using var entryStream = await zipEntry.OpenAsync(cancellationToken);
            await entryStream.WriteAsync(outcome.Content, cancellationToken);
        }
        return null;
    }
}
