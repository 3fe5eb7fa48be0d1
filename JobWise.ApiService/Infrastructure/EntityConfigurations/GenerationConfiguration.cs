using JobWise.ApiService.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JobWise.ApiService.Infrastructure.EntityConfigurations;

public sealed class GenerationConfiguration : IEntityTypeConfiguration<Generation>
{
    public void Configure(EntityTypeBuilder<Generation> builder)
    {
        builder.Property(generation => generation.Content).IsResumeJson();
        builder.Property(generation => generation.Source).HasMaxLength(20);
        builder.Property(generation => generation.Match).IsJson();
        builder.HasIndex(generation => new { generation.UserId, generation.CreatedAt });
        builder.HasIndex(generation => new { generation.UserId, generation.JobId, generation.CreatedAt });
        builder.HasOne<User>().WithMany().HasForeignKey(generation => generation.UserId).OnDelete(DeleteBehavior.Cascade);
        // A generation outlives the job it was made for: its content is the record of what was sent.
        builder.HasOne<Job>().WithMany().HasForeignKey(generation => generation.JobId).OnDelete(DeleteBehavior.SetNull);
    }
}
