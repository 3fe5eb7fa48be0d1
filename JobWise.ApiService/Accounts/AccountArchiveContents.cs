using JobWise.ApiService.Ats;
using JobWise.ApiService.Model;

namespace JobWise.ApiService.Accounts;

/// <summary>What an account's data archive holds, entry by entry; the names are part of the contract clients read.</summary>
public static class AccountArchiveContents
{
    public const string Manifest = "manifest.json";
    public const string Account = "account.json";
    public const string ProfileJsonResume = "profile/resume.json";
    public const string ProfileDocument = "profile/profile.json";
    public const string Jobs = "jobs.json";
    public const string Generations = "generations.json";
    public const string Exports = "exports.json";
    public const string AtsReports = "ats_reports.json";

    /// <summary>The template an account archive is recorded with, so that a later archive leaves earlier ones' files out.</summary>
    public const string ArchiveTemplate = "account_data";

    public const int FormatVersion = 1;

    public static string ExportFilePath(Export export) => $"exports/{export.Id:N}/{export.FileName}";
}

public sealed record ArchiveAccount(Guid Id, string Email, string FullName, DateTimeOffset CreatedAt);

/// <summary>An export's metadata; <c>archive_path</c> names its file inside the archive, null when it is not there.</summary>
public sealed record ArchiveExport(
    Guid Id, Guid? GenerationId, Guid? JobId, string Format, string Template, string Filename, long FileSizeBytes, int? PageCount,
    DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, string? ArchivePath, AtsReport? AtsReport);

public sealed record ArchiveAtsReport(Guid ExportId, AtsReport Report);

/// <summary>Counts and ids of everything in the archive, so a reader can check it is whole.</summary>
public sealed record ArchiveManifest(
    int FormatVersion, DateTimeOffset CreatedAt, ArchiveAccount Account, int Jobs, int Generations, int Exports, int ExportFiles,
    int AtsReports, IReadOnlyList<Guid> ExportsWithoutFile, string Note);
