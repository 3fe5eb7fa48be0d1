using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using JobWise.ApiService.Exports;
using JobWise.ApiService.Http;
using JobWise.ApiService.Infrastructure;
using JobWise.ApiService.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JobWise.ApiService.Accounts;

/// <summary>
/// Makes the account's data archive and stores it as an export of its own (format <c>zip</c>, template
/// <see cref="AccountArchiveContents.ArchiveTemplate"/>): the same storage, retention, download links and delete as
/// every export, and the same store-then-record-else-remove writer.
/// </summary>
public sealed class AccountArchiveService(
    JobWiseDbContext db, AccountArchiveBuilder builder, StoredExportWriter writer, DownloadLinks links,
    IOptions<ExportOptions> exportOptions, TimeProvider clock, ILogger<AccountArchiveService> logger)
{
    private TimeSpan RetryAfter => TimeSpan.FromSeconds(exportOptions.Value.RetryAfterSeconds);

    public async Task<ExportOutcome> CreateAsync(Guid userId, CancellationToken cancellationToken)
    {
        try
        {
            var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
            if (user is null)
            {
                return new ExportOutcome.NotFound("The account");
            }
            var (zip, failure) = await builder.BuildAsync(user, cancellationToken);
            if (zip is null)
            {
                return failure!;
            }
            await using (zip)
            {
                var export = NewArchiveExport(userId, zip.Length);
                return await writer.StoreAndRecordAsync(export, zip, MediaTypes.Zip, RetryAfter, cancellationToken)
                    ?? new ExportOutcome.Created(ExportResponse.From(export, await links.ForAsync(export)));
            }
        }
        catch (Exception exception) when (DependencyFailures.Unavailable(exception) is { } what)
        {
            logger.LogWarning(exception, "{Dependency} failed while making a data archive", what);
            return ExportOutcome.Unavailable(what, RetryAfter);
        }
    }

    private Export NewArchiveExport(Guid userId, long size)
    {
        var id = Guid.NewGuid();
        var now = clock.GetUtcNow();
        return new Export
        {
            Id = id,
            UserId = userId,
            Format = ExportService.ZipFormat,
            Template = AccountArchiveContents.ArchiveTemplate,
            FileName = $"jobwise-account-data-{now.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.zip",
            StorageKey = ExportService.StorageKeyOf(userId, id, ExportService.ZipFormat),
            // Unique to this archive, so that export reuse never hands it out for anything else.
            Fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"account-data:{id:N}"))),
            FileSizeBytes = size,
            CreatedAt = now,
            ExpiresAt = now + exportOptions.Value.Retention,
        };
    }
}
