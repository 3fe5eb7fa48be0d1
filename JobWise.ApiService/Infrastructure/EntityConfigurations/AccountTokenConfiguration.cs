using JobWise.ApiService.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JobWise.ApiService.Infrastructure.EntityConfigurations;

public sealed class AccountTokenConfiguration : IEntityTypeConfiguration<AccountToken>
{
    public void Configure(EntityTypeBuilder<AccountToken> builder)
    {
        builder.Property(token => token.Purpose).HasConversion<string>().HasMaxLength(30);
        builder.HasIndex(token => token.TokenHash).IsUnique();
        // A reset ends the user's other reset tokens.
        builder.HasIndex(token => new { token.UserId, token.Purpose });
        builder.HasOne<User>().WithMany().HasForeignKey(token => token.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
