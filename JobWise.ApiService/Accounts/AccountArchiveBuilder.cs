using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text.Json;
using JobWise.ApiService.Exports;
using JobWise.ApiService.Generations;
using JobWise.ApiService.Infrastructure;
using JobWise.ApiService.Jobs;
using JobWise.ApiService.Model;
using JobWise.ApiService.Profiles;
using JobWise.ApiService.Profiles.JsonResume;
using JobWise.ApiService.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace JobWise.ApiService.Accounts;

/// <summary>
/// Writes everything an account holds into one ZIP in a temporary file: the profile as JSON Resume and as the resume
/// document, jobs, generations with their match reports, every export's metadata and file, and ATS reports. Rows are
/// streamed from the database into their entries and files copied from storage one at a time, so memory stays small
/// whatever the account holds; the archive's size is bounded by <see cref="AccountOptions.MaxArchiveBytes"/>.
/// Earlier data archives are listed but their files left out: everything in them is in this one.
/// </summary>
public sealed class AccountArchiveBuilder(
    JobWiseDbContext db, IObjectStorage storage, IOptions<HttpJsonOptions> json, IOptions<AccountOptions> options, TimeProvider clock)
{
    private JsonSerializerOptions Json => json.Value.SerializerOptions;

    private long MaxBytes => options.Value.MaxArchiveBytes;

    public async Task<(FileStream? Zip, ExportOutcome? Failure)> BuildAsync(User user, CancellationToken cancellationToken)
    {
        var fileBytes = await db.Exports.Where(e => e.UserId == user.Id && e.Template != AccountArchiveContents.ArchiveTemplate)
            .SumAsync(e => e.FileSizeBytes, cancellationToken);
        if (fileBytes > MaxBytes)
        {
            return (null, TooLarge());
        }
        return await TemporaryZipFile.WriteAsync<ExportOutcome>((zip, file) => WriteEntriesAsync(zip, file, user, cancellationToken));
    }

    private async Task<ExportOutcome?> WriteEntriesAsync(ZipArchive zip, FileStream file, User user, CancellationToken cancellationToken)
    {
        var account = new ArchiveAccount(user.Id, user.Email, user.FullName, user.CreatedAt);
        await WriteJsonAsync(zip, AccountArchiveContents.Account, account, Json, cancellationToken);

        var profile = await db.Profiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == user.Id, cancellationToken);
        if (profile is not null)
        {
            await WriteJsonAsync(zip, AccountArchiveContents.ProfileDocument, new ProfileResponse(profile.Content, profile.UpdatedAt), Json, cancellationToken);
            await WriteJsonAsync(zip, AccountArchiveContents.ProfileJsonResume, JsonResumeMapper.ToJsonResume(profile.Content),
                JsonResumeJson.Options, cancellationToken);
        }

        var jobs = new Counter();
        await WriteJsonAsync(zip, AccountArchiveContents.Jobs, Stream(db.Jobs.AsNoTracking().Where(j => j.UserId == user.Id)
            .OrderBy(j => j.CreatedAt).ThenBy(j => j.Id), JobResponse.From, jobs, cancellationToken), Json, cancellationToken);

        var generations = new Counter();
        await WriteJsonAsync(zip, AccountArchiveContents.Generations, Stream(db.Generations.AsNoTracking().Where(g => g.UserId == user.Id)
            .OrderBy(g => g.CreatedAt).ThenBy(g => g.Id), GenerationResponse.From, generations, cancellationToken), Json, cancellationToken);

        var exports = new Counter();
        var files = new List<Export>();
        var exportRows = db.Exports.AsNoTracking().Where(e => e.UserId == user.Id).OrderBy(e => e.CreatedAt).ThenBy(e => e.Id);
        await WriteJsonAsync(zip, AccountArchiveContents.Exports, Stream(exportRows, export =>
        {
            var included = export.Template != AccountArchiveContents.ArchiveTemplate;
            if (included)
            {
                // Only what copying the file needs, so that the list stays small.
                files.Add(new Export
                {
                    Id = export.Id, Format = export.Format, Template = export.Template, FileName = export.FileName,
                    StorageKey = export.StorageKey, Fingerprint = "",
                });
            }
            return new ArchiveExport(export.Id, export.GenerationId, export.JobId, export.Format, export.Template, export.FileName,
                export.FileSizeBytes, export.PageCount, export.CreatedAt, export.ExpiresAt,
                included ? AccountArchiveContents.ExportFilePath(export) : null, export.AtsReport);
        }, exports, cancellationToken), Json, cancellationToken);

        var atsReports = new Counter();
        await WriteJsonAsync(zip, AccountArchiveContents.AtsReports, Stream(exportRows.Where(e => e.AtsReport != null),
            export => new ArchiveAtsReport(export.Id, export.AtsReport!), atsReports, cancellationToken), Json, cancellationToken);

        var missing = new List<Guid>();
        foreach (var export in files)
        {
            if (!await CopyFileAsync(zip, export, cancellationToken))
            {
                missing.Add(export.Id);
            }
            if (file.Length > MaxBytes)
            {
                return TooLarge();
            }
        }

        var manifest = new ArchiveManifest(AccountArchiveContents.FormatVersion, clock.GetUtcNow(), account, jobs.Value, generations.Value,
            exports.Value, files.Count - missing.Count, atsReports.Value, missing,
            "Files of earlier data archives are not included: everything they held is in this one.");
        await WriteJsonAsync(zip, AccountArchiveContents.Manifest, manifest, Json, cancellationToken);
        return file.Length > MaxBytes ? TooLarge() : null;
    }

    /// <summary>Copies an export's file into the archive; false when storage no longer has it.</summary>
    private async Task<bool> CopyFileAsync(ZipArchive zip, Export export, CancellationToken cancellationToken)
    {
        Stream? content;
        try
        {
            content = await storage.OpenReadAsync(export.StorageKey, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new StorageUnavailableException(exception);
        }
        if (content is null)
        {
            return false;
        }
        await using (content)
        {
            // PDF, DOCX and ZIP are compressed already: storing them costs nothing and saves the CPU.
            var entry = zip.CreateEntry(AccountArchiveContents.ExportFilePath(export), CompressionLevel.NoCompression);
            await using var entryStream = await entry.OpenAsync(cancellationToken);
            try
            {
                await content.CopyToAsync(entryStream, cancellationToken);
            }
            catch (IOException exception) when (!cancellationToken.IsCancellationRequested)
            {
                throw new StorageUnavailableException(exception);
            }
        }
        return true;
    }

    private static async Task WriteJsonAsync<T>(
        ZipArchive zip, string name, T value, JsonSerializerOptions serializerOptions, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        await using var entryStream = await entry.OpenAsync(cancellationToken);
        await JsonSerializer.SerializeAsync(entryStream, value, serializerOptions, cancellationToken);
    }

    /// <summary>The query's rows as they come from the database, shaped and counted on the way into their entry.</summary>
    private static async IAsyncEnumerable<TOut> Stream<TRow, TOut>(
        IQueryable<TRow> rows, Func<TRow, TOut> shape, Counter counter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            counter.Value++;
            yield return shape(row);
        }
    }

    private ExportOutcome.Refused TooLarge() => new(StatusCodes.Status422UnprocessableEntity,
        "The account holds more than one data archive may (the exports' files are too large).",
        $"An archive may hold at most {MaxBytes} bytes; delete some exports and try again.");

    private sealed class Counter
    {
        public int Value { get; set; }
    }
}
