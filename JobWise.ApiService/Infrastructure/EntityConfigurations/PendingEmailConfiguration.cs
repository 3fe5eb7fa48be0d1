using JobWise.ApiService.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JobWise.ApiService.Infrastructure.EntityConfigurations;

public sealed class PendingEmailConfiguration : IEntityTypeConfiguration<PendingEmail>
{
    public void Configure(EntityTypeBuilder<PendingEmail> builder)
    {
        builder.Property(pending => pending.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(pending => pending.NormalizedEmail).HasMaxLength(320);
        // Workers take the one available longest.
        builder.HasIndex(pending => pending.AvailableAt);
    }
}
