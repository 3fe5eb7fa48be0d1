using JobWise.ApiService.Diagnostics;
using JobWise.ApiService.Http;
using JobWise.ApiService.Model;
using JobWise.ApiService.Rendering;
using JobWise.ApiService.Validation;
using JobWise.Contracts;
using Microsoft.Extensions.Options;

namespace JobWise.ApiService.Exports;

/// <summary>
/// Makes and deletes exports: validate, load the source, reuse an identical stored file or render, store then record
/// (else remove the file again). Each step is a type of its own; this class puts them in order and says what came of it.
/// </summary>
public sealed class ExportService(
    ExportSourceLoader sources, ExportReuse reuse, RendererClient renderer, BatchZipBuilder zips, StoredExportWriter writer,
    ExportDeletion deletion, DownloadLinks links, IOptions<ExportOptions> options,
    ApiMetrics metrics, TimeProvider clock, ILogger<ExportService> logger)
{
    public const string ZipFormat = "zip";

    private TimeSpan RetryAfter => TimeSpan.FromSeconds(options.Value.RetryAfterSeconds);

    public async Task<ExportOutcome> CreateAsync(Guid userId, ExportRequest request, string format, CancellationToken cancellationToken)
    {
        using var measurement = new ExportMeasurement(metrics, ApiTelemetry.Export, format);
        return measurement.Finish(await CreateOneAsync(userId, request, format, measurement, cancellationToken));
    }

    public async Task<ExportOutcome> CreateBatchAsync(Guid userId, BatchExportRequest request, CancellationToken cancellationToken)
    {
        using var measurement = new ExportMeasurement(metrics, ApiTelemetry.BatchExport, ZipFormat);
        return measurement.Finish(await CreateZipAsync(userId, request, measurement, cancellationToken));
    }

    private Task<ExportOutcome> CreateOneAsync(
        Guid userId, ExportRequest request, string format, ExportMeasurement measurement, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var plan = ExportRequestValidation.Read(request, format, errors);
        return plan is null ? Task.FromResult<ExportOutcome>(new ExportOutcome.Invalid(errors)) : WhileAvailable(async () =>
        {
            measurement.ForTemplate(plan.Templates[0]);
            var (source, failure) = await sources.LoadAsync(userId, plan, RetryAfter, cancellationToken);
            if (source is null)
            {
                return failure!;
            }
            var template = plan.Templates[0];
            var renderRequest = source.RenderRequest(template, format, plan.Options);
            var export = NewExport(source, format, template, ExportFingerprint.Of(renderRequest));
            if (await reuse.TryRecordSharingAsync(export, cancellationToken))
            {
                measurement.Reused();
                return await CreatedAsync(export);
            }

            var outcome = await renderer.RenderAsync(renderRequest, cancellationToken);
            if (!outcome.Succeeded)
            {
                return RendererFailures.ToOutcome(outcome, RetryAfter);
            }
            export.FileSizeBytes = outcome.Content!.Length;
            export.PageCount = format == RenderFormats.Pdf ? outcome.PageCount : null;
            using var content = new MemoryStream(outcome.Content);
            return await writer.StoreAndRecordAsync(export, content, MediaTypes.ForFormat(format), RetryAfter, cancellationToken)
                ?? await CreatedAsync(export);
        });
    }

    private Task<ExportOutcome> CreateZipAsync(
        Guid userId, BatchExportRequest request, ExportMeasurement measurement, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var plan = ExportRequestValidation.Read(request, options.Value.MaxBatchFiles, errors);
        return plan is null ? Task.FromResult<ExportOutcome>(new ExportOutcome.Invalid(errors)) : WhileAvailable(async () =>
        {
            // Not the template list: its combinations would make a metric series each.
            measurement.ForTemplate("batch");
            var (source, failure) = await sources.LoadAsync(userId, plan, RetryAfter, cancellationToken);
            if (source is null)
            {
                return failure!;
            }
            var now = clock.GetUtcNow();
            var entries = plan.Templates
                .SelectMany(template => plan.Formats.Select(format =>
                    new BatchEntry(source.FileName(template, format, now), source.RenderRequest(template, format, plan.Options))))
                .ToList();
            var export = NewExport(source, ZipFormat, string.Join(',', plan.Templates), ExportFingerprint.OfZip(entries));
            var (zip, zipFailure) = await zips.BuildAsync(entries, RetryAfter, cancellationToken);
            if (zip is null)
            {
                return zipFailure!;
            }
            await using (zip)
            {
                export.FileSizeBytes = zip.Length;
                return await writer.StoreAndRecordAsync(export, zip, MediaTypes.Zip, RetryAfter, cancellationToken)
                    ?? await CreatedAsync(export);
            }
        });
    }

    /// <summary>Deletes the row and, when no other row names it, the stored file.</summary>
    public Task<ExportOutcome> DeleteAsync(Guid userId, Guid id, CancellationToken cancellationToken) =>
        WhileAvailable(async () => await deletion.DeleteAsync(userId, id, cancellationToken)
            ? new ExportOutcome.Deleted()
            : new ExportOutcome.NotFound("The export"));

    /// <summary>Where every stored file of the user's exports lives: one prefix per user.</summary>
    public static string UserStoragePrefix(Guid userId) => $"{OrphanFileSweep.ExportsPrefix}{userId:N}/";

    public static string StorageKeyOf(Guid userId, Guid exportId, string format) => $"{UserStoragePrefix(userId)}{exportId:N}.{format}";

    /// <summary>Runs a step, answering an outage of the database or storage with 503 and Retry-After instead of a 500.</summary>
    private async Task<ExportOutcome> WhileAvailable(Func<Task<ExportOutcome>> step)
    {
        try
        {
            return await step();
        }
        catch (Exception exception) when (DependencyFailures.Unavailable(exception) is { } what)
        {
            logger.LogWarning(exception, "{Dependency} failed during an export request", what);
            return ExportOutcome.Unavailable(what, RetryAfter);
        }
    }

    private Export NewExport(ExportSource source, string format, string template, string fingerprint)
    {
        var id = Guid.NewGuid();
        var now = clock.GetUtcNow();
        return new Export
        {
            Id = id,
            UserId = source.UserId,
            GenerationId = source.Generation.Id,
            JobId = source.Job?.Id,
            Format = format,
            Template = template,
            FileName = source.FileName(format == ZipFormat ? "resumes" : template, format, now),
            StorageKey = StorageKeyOf(source.UserId, id, format),
            Fingerprint = fingerprint,
            CreatedAt = now,
            ExpiresAt = now + options.Value.Retention,
        };
    }

    private async Task<ExportOutcome> CreatedAsync(Export export) =>
        new ExportOutcome.Created(ExportResponse.From(export, await links.ForAsync(export)));
}
