namespace JobWise.ApiService.Model;

/// <summary>
/// A rendered file in object storage. Identical exports of one user share a stored file (same
/// <see cref="StorageKey"/>); the file goes when the last row naming it goes.
/// </summary>
public sealed class Export
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public Guid? GenerationId { get; set; }
    public Guid? JobId { get; set; }
    /// <summary><c>pdf</c>, <c>docx</c> or <c>zip</c>.</summary>
    public required string Format { get; set; }
    /// <summary>The template id; for a ZIP, the ids joined with commas.</summary>
    public required string Template { get; set; }
    public required string FileName { get; set; }
    public required string StorageKey { get; set; }
    public long FileSizeBytes { get; set; }
    public int? PageCount { get; set; }
    /// <summary>SHA-256 over content, template, options and format: what makes two exports the same file.</summary>
    public required string Fingerprint { get; set; }
    /// <summary>What a parser makes of the file; filled in after the export, or when first asked for.</summary>
    public AtsReport? AtsReport { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}
