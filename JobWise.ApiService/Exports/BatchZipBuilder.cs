using System.IO.Compression;
using JobWise.ApiService.Rendering;
using JobWise.Contracts;
using Microsoft.Extensions.Options;

namespace JobWise.ApiService.Exports;

/// <summary>One file of a batch: its name inside the ZIP and the render that makes it.</summary>
public sealed record BatchEntry(string FileName, RenderRequest Request);

/// <summary>
/// Renders a batch into a ZIP in a temporary file (<see cref="TemporaryZipFile"/>), so a batch never sits whole in memory. Up to
/// <see cref="ExportOptions.BatchParallelism"/> renders run at once; entries are written in request order as each one's
/// turn comes, so the ZIP is the same whichever render finished first and at most that many documents are held.
/// </summary>
public sealed class BatchZipBuilder(RendererClient renderer, IOptions<ExportOptions> options)
{
    public Task<(FileStream? Zip, ExportOutcome? Failure)> BuildAsync(
        IReadOnlyList<BatchEntry> entries, TimeSpan retryAfter, CancellationToken cancellationToken) =>
        TemporaryZipFile.WriteAsync((zip, _) => WriteEntriesAsync(zip, entries, retryAfter, cancellationToken));

    private async Task<ExportOutcome?> WriteEntriesAsync(
        ZipArchive zip, IReadOnlyList<BatchEntry> entries, TimeSpan retryAfter, CancellationToken cancellationToken)
    {
        long contentBytes = 0;
        // Cancelled when the batch ends early, so renders it no longer needs stop too.
        using var batch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var inFlight = new Queue<Task<RenderOutcome>>();
        var started = 0;
        void StartNext()
        {
            if (started < entries.Count)
            {
                inFlight.Enqueue(renderer.RenderAsync(entries[started++].Request, batch.Token));
            }
        }
        try
        {
            while (inFlight.Count < options.Value.BatchParallelism && started < entries.Count)
            {
                StartNext();
            }
            foreach (var entry in entries)
            {
                var outcome = await inFlight.Dequeue();
                if (!outcome.Succeeded)
                {
                    return RendererFailures.ToOutcome(outcome, retryAfter);
                }
                StartNext();
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
        finally
        {
            await batch.CancelAsync();
            await DrainAsync(inFlight);
        }
    }

    /// <summary>Waits for renders still running after the batch ended early; their results are not needed.</summary>
    private static async Task DrainAsync(Queue<Task<RenderOutcome>> inFlight)
    {
        foreach (var render in inFlight)
        {
            try
            {
                await render;
            }
            catch (OperationCanceledException)
            {
                // Cancelled with the batch, as meant.
            }
        }
    }
}
