using JobWise.ApiService.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JobWise.ApiService.Infrastructure.EntityConfigurations;

public sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> builder)
    {
        builder.Property(job => job.Title).HasMaxLength(JobLimits.Title);
        builder.Property(job => job.Company).HasMaxLength(JobLimits.Company);
        builder.Property(job => job.Location).HasMaxLength(JobLimits.Location);
        builder.Property(job => job.Description).HasMaxLength(JobLimits.Description);
        builder.Property(job => job.Url).HasMaxLength(JobLimits.Url);
        builder.Property(job => job.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(job => new { job.UserId, job.CreatedAt });
        builder.HasOne<User>().WithMany().HasForeignKey(job => job.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
