using System.IO.Compression;
using JobWise.ApiService.Ats;
using JobWise.ApiService.Auth;
using JobWise.ApiService.Infrastructure;
using JobWise.ApiService.Model;
using JobWise.ApiService.Rendering;
using JobWise.ApiService.Storage;
using JobWise.ApiService.Validation;
using JobWise.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JobWise.ApiService.Exports;

/// <summary>
/// Makes exports: renders (or reuses an identical stored file), stores the file, then writes the row — and removes
/// the file again when the row cannot be written, so that a row never names a missing file.
/// </summary>
public sealed class ExportService(
    JobWiseDbContext db, RendererClient renderer, IObjectStorage storage, DownloadLinks links, AtsQueue atsQueue,
    IOptions<ExportOptions> options, IOptions<AtsOptions> atsOptions, TimeProvider clock, ILogger<ExportService> logger)
{
    public const string ZipFormat = "zip";

    private TimeSpan RetryAfter => TimeSpan.FromSeconds(options.Value.RetryAfterSeconds);

    public async Task<IResult> CreateAsync(HttpContext context, ExportRequest request, string format, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (request.GenerationId is null)
        {
            errors.Add("generation_id", "is required");
        }
        errors.Required("template", request.Template, 100);
        var renderOptions = RenderOptionsReader.Read(request.Options, errors);
        if (errors.Any)
        {
            return Problems.Validation(errors);
        }
        var (source, failure) = await LoadSourceAsync(context, request.GenerationId!.Value, [request.Template!], cancellationToken);
        if (failure is not null)
        {
            return failure;
        }
        var fingerprint = ExportFingerprint.Of(source!.Generation.Content, request.Template!, renderOptions, format);
        var export = NewExport(source, format, request.Template!, fingerprint);

        if (await FindReusableAsync(export.UserId, fingerprint, cancellationToken) is { } existing)
        {
            // Same content, template, options and format: the stored file is the file this request would render.
            export.StorageKey = existing.StorageKey;
            export.FileSizeBytes = existing.FileSizeBytes;
            export.PageCount = existing.PageCount;
            // Keyword coverage depends on the job, so a report is shared only between exports for the same one.
            export.AtsReport = existing.JobId == export.JobId ? existing.AtsReport : null;
            return await RecordAsync(context, export, storedNow: false, cancellationToken);
        }

        var outcome = await renderer.RenderAsync(RenderRequestFor(source, request.Template!, format, renderOptions), cancellationToken);
        if (!outcome.Succeeded)
        {
            return RendererFailures.ToResult(context, outcome, RetryAfter);
        }
        export.FileSizeBytes = outcome.Content!.Length;
        export.PageCount = format == RenderFormats.Pdf ? outcome.PageCount : null;
        using var content = new MemoryStream(outcome.Content);
        return await StoreAndRecordAsync(context, export, content, MediaTypes.ForFormat(format), cancellationToken);
    }

    public async Task<IResult> CreateBatchAsync(HttpContext context, BatchExportRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (request.GenerationId is null)
        {
            errors.Add("generation_id", "is required");
        }
        var templates = (request.Templates ?? []).Distinct().ToList();
        var formats = (request.Formats ?? []).Distinct().ToList();
        if (templates.Count == 0)
        {
            errors.Add("templates", "must name at least one template");
        }
        if (formats.Count == 0)
        {
            errors.Add("formats", "must name at least one format");
        }
        foreach (var format in formats.Where(f => f is not (RenderFormats.Pdf or RenderFormats.Docx)))
        {
            errors.Add("formats", $"'{format}' is not a format; the formats are pdf and docx");
        }
        if (templates.Count * formats.Count > options.Value.MaxBatchFiles)
        {
            errors.Add("templates", $"templates × formats must be at most {options.Value.MaxBatchFiles} files");
        }
        var renderOptions = RenderOptionsReader.Read(request.Options, errors);
        if (errors.Any)
        {
            return Problems.Validation(errors);
        }
        var (source, failure) = await LoadSourceAsync(context, request.GenerationId!.Value, templates, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }
        var templateList = string.Join(',', templates);
        var fingerprint = ExportFingerprint.Of(source!.Generation.Content, templateList, renderOptions, $"{ZipFormat}:{string.Join(',', formats)}");
        var export = NewExport(source, ZipFormat, templateList, fingerprint);

        // Entries are written to a temporary file as they render, so a batch never sits whole in memory.
        await using var zipFile = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None,
            81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        long contentBytes = 0;
        using (var zip = new ZipArchive(zipFile, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var template in templates)
            {
                foreach (var format in formats)
                {
                    var outcome = await renderer.RenderAsync(RenderRequestFor(source, template, format, renderOptions), cancellationToken);
                    if (!outcome.Succeeded)
                    {
                        return RendererFailures.ToResult(context, outcome, RetryAfter);
                    }
                    contentBytes += outcome.Content!.Length;
                    if (contentBytes > options.Value.MaxBatchBytes)
                    {
                        return Problems.TooLarge(options.Value.MaxBatchBytes);
                    }
                    // PDF and DOCX are compressed already: storing them costs nothing and saves the CPU.
                    var entry = zip.CreateEntry(ExportFileNames.For(source.Generation.Content.Header.Name, source.Job?.Company, template, export.CreatedAt, format),
                        CompressionLevel.NoCompression);
                    await using var entryStream = await entry.OpenAsync(cancellationToken);
                    await entryStream.WriteAsync(outcome.Content, cancellationToken);
                }
            }
        }
        export.FileSizeBytes = zipFile.Length;
        zipFile.Position = 0;
        return await StoreAndRecordAsync(context, export, zipFile, MediaTypes.Zip, cancellationToken);
    }

    /// <summary>Deletes the row and, when no other row names it, the stored file; both or neither.</summary>
    public async Task<IResult> DeleteAsync(HttpContext context, Guid id, CancellationToken cancellationToken)
    {
        var userId = context.User.GetUserId();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var export = await db.Exports.SingleOrDefaultAsync(e => e.Id == id && e.UserId == userId, cancellationToken);
            if (export is null)
            {
                return Problems.NotFound("The export");
            }
            db.Exports.Remove(export);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            if (!await db.Exports.AnyAsync(e => e.StorageKey == export.StorageKey, cancellationToken))
            {
                try
                {
                    await storage.DeleteAsync(export.StorageKey, cancellationToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogWarning(exception, "Could not delete stored file {Key}; the export is kept", export.StorageKey);
                    await transaction.RollbackAsync(CancellationToken.None);
                    return Problems.RetryLater(context, StatusCodes.Status503ServiceUnavailable, "Storage is unavailable; try again shortly.", RetryAfter);
                }
            }
            await transaction.CommitAsync(cancellationToken);
            links.Forget(id);
            return (IResult)TypedResults.NoContent();
        });
    }

    private sealed record ExportSource(Generation Generation, Job? Job, Guid UserId);

    private async Task<(ExportSource? Source, IResult? Failure)> LoadSourceAsync(
        HttpContext context, Guid generationId, IReadOnlyList<string> templates, CancellationToken cancellationToken)
    {
        var catalogue = await renderer.GetCatalogueAsync(cancellationToken);
        if (catalogue is null)
        {
            return (null, Problems.RetryLater(context, StatusCodes.Status503ServiceUnavailable, "The renderer is unavailable; try again shortly.", RetryAfter));
        }
        var unknown = templates.Where(t => catalogue.Templates.All(known => known.Id != t)).ToList();
        if (unknown.Count > 0)
        {
            var field = templates.Count == 1 ? "template" : "templates";
            return (null, Problems.Validation(field,
                $"'{string.Join("', '", unknown)}' is not a template; the templates are {string.Join(", ", catalogue.Templates.Select(t => t.Id))}"));
        }
        var userId = context.User.GetUserId();
        var generation = await db.Generations.AsNoTracking().SingleOrDefaultAsync(g => g.Id == generationId && g.UserId == userId, cancellationToken);
        if (generation is null)
        {
            return (null, Problems.NotFound("The generation"));
        }
        var job = generation.JobId is { } jobId
            ? await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId && j.UserId == userId, cancellationToken)
            : null;
        return (new ExportSource(generation, job, userId), null);
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
            FileName = ExportFileNames.For(source.Generation.Content.Header.Name, source.Job?.Company,
                format == ZipFormat ? "resumes" : template, now, format),
            StorageKey = $"exports/{source.UserId:N}/{id:N}.{format}",
            Fingerprint = fingerprint,
            CreatedAt = now,
            ExpiresAt = now + options.Value.Retention,
        };
    }

    private Task<Export?> FindReusableAsync(Guid userId, string fingerprint, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.Exports.AsNoTracking()
            .Where(e => e.UserId == userId && e.Fingerprint == fingerprint && e.ExpiresAt > now)
            .OrderByDescending(e => e.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
    }

    private static RenderRequest RenderRequestFor(ExportSource source, string template, string format, RenderOptions? renderOptions) => new()
    {
        Content = source.Generation.Content,
        Template = template,
        Format = format,
        Options = renderOptions,
        DocumentTitle = source.Job is null
            ? $"{source.Generation.Content.Header.Name} — Resume"
            : $"{source.Generation.Content.Header.Name} — {source.Job.Title}, {source.Job.Company}",
    };

    private async Task<IResult> StoreAndRecordAsync(HttpContext context, Export export, Stream content, string mediaType, CancellationToken cancellationToken)
    {
        try
        {
            await storage.PutAsync(export.StorageKey, content, mediaType, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Storing export {ExportId} failed", export.Id);
            // A half-written object may exist; remove it so nothing is left without a row.
            await TryDeleteStoredAsync(export.StorageKey);
            return Problems.RetryLater(context, StatusCodes.Status503ServiceUnavailable, "Storage is unavailable; try again shortly.", RetryAfter);
        }
        return await RecordAsync(context, export, storedNow: true, cancellationToken);
    }

    private async Task<IResult> RecordAsync(HttpContext context, Export export, bool storedNow, CancellationToken cancellationToken)
    {
        db.Exports.Add(export);
        if (export.AtsReport is null && export.Format != ZipFormat && atsOptions.Value.AnalyseAfterExport)
        {
            atsQueue.Enqueue(export, export.CreatedAt);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException or TimeoutException)
        {
            logger.LogWarning(exception, "Recording export {ExportId} failed", export.Id);
            if (storedNow)
            {
                await TryDeleteStoredAsync(export.StorageKey);
            }
            return Problems.RetryLater(context, StatusCodes.Status503ServiceUnavailable, "The database is unavailable; try again shortly.", RetryAfter);
        }
        var link = await links.ForAsync(export);
        return TypedResults.Created($"/api/v1/exports/{export.Id}", ExportResponse.From(export, link));
    }

    private async Task TryDeleteStoredAsync(string key)
    {
        try
        {
            await storage.DeleteAsync(key, CancellationToken.None);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Could not remove stored file {Key} after a failed export", key);
        }
    }
}
