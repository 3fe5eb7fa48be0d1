using JobWise.ApiService.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JobWise.ApiService.Infrastructure.EntityConfigurations;

public sealed class ExportConfiguration : IEntityTypeConfiguration<Export>
{
    public void Configure(EntityTypeBuilder<Export> builder)
    {
        builder.Property(export => export.Format).HasMaxLength(10);
        builder.Property(export => export.Template).HasMaxLength(200);
        builder.Property(export => export.FileName).HasMaxLength(300);
        builder.Property(export => export.StorageKey).HasMaxLength(300);
        builder.Property(export => export.Fingerprint).HasMaxLength(64);
        builder.Property(export => export.AtsReport).IsJson();
        // Listings: a user's newest exports, and one job's.
        builder.HasIndex(export => new { export.UserId, export.CreatedAt });
        builder.HasIndex(export => new { export.UserId, export.JobId, export.CreatedAt });
        // Reuse of an identical export, and whether a stored file is still named by any row.
        builder.HasIndex(export => new { export.UserId, export.Fingerprint });
        builder.HasIndex(export => export.StorageKey);
        // Retention sweeps the oldest first.
        builder.HasIndex(export => export.ExpiresAt);
        builder.HasOne<User>().WithMany().HasForeignKey(export => export.UserId).OnDelete(DeleteBehavior.Cascade);
        // An export outlives its generation and job: it is a file the user may still want.
        builder.HasOne<Generation>().WithMany().HasForeignKey(export => export.GenerationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Job>().WithMany().HasForeignKey(export => export.JobId).OnDelete(DeleteBehavior.SetNull);
    }
}
