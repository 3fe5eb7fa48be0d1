using JobWise.ApiService.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JobWise.ApiService.Infrastructure.EntityConfigurations;

public sealed class ProfileConfiguration : IEntityTypeConfiguration<Profile>
{
    public void Configure(EntityTypeBuilder<Profile> builder)
    {
        builder.HasKey(profile => profile.UserId);
        builder.Property(profile => profile.Content).IsResumeJson();
        builder.HasOne<User>().WithOne().HasForeignKey<Profile>(profile => profile.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
