using JobWise.ApiService.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JobWise.ApiService.Infrastructure.EntityConfigurations;

public sealed class AccountDeletionConfiguration : IEntityTypeConfiguration<AccountDeletion>
{
    public void Configure(EntityTypeBuilder<AccountDeletion> builder)
    {
        builder.Property(deletion => deletion.AccountKey).HasMaxLength(64);
        builder.Property(deletion => deletion.Step).HasMaxLength(40);
        // One deletion per account at a time: a second request finds the first. Done ones name no user.
        builder.HasIndex(deletion => deletion.UserId).IsUnique();
        // Workers take the one available longest among those not done; done ones are purged oldest first.
        builder.HasIndex(deletion => deletion.AvailableAt).HasFilter("completed_at IS NULL");
        builder.HasIndex(deletion => deletion.CompletedAt);
        // No foreign key to users: the job must outlive the row it deletes.
    }
}
