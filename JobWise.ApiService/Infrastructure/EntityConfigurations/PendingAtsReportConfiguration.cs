using JobWise.ApiService.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JobWise.ApiService.Infrastructure.EntityConfigurations;

public sealed class PendingAtsReportConfiguration : IEntityTypeConfiguration<PendingAtsReport>
{
    public void Configure(EntityTypeBuilder<PendingAtsReport> builder)
    {
        builder.HasKey(pending => pending.ExportId);
        // Workers take the one available longest.
        builder.HasIndex(pending => pending.AvailableAt);
        // A deleted export has no report to make.
        builder.HasOne<Export>().WithOne().HasForeignKey<PendingAtsReport>(pending => pending.ExportId).OnDelete(DeleteBehavior.Cascade);
    }
}
