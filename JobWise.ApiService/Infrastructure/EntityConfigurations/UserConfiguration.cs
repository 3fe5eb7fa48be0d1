using JobWise.ApiService.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JobWise.ApiService.Infrastructure.EntityConfigurations;

public sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.Property(user => user.Email).HasMaxLength(320);
        builder.Property(user => user.NormalizedEmail).HasMaxLength(320);
        builder.HasIndex(user => user.NormalizedEmail).IsUnique();
        builder.Property(user => user.FullName).HasMaxLength(200);
        builder.Property(user => user.PasswordHash).HasMaxLength(200);
        // Rows made before the stamp existed get one of their own.
        builder.Property(user => user.SecurityStamp).HasDefaultValueSql("gen_random_uuid()");
    }
}
