using JobWise.ApiService.Model;
using Microsoft.EntityFrameworkCore;

namespace JobWise.ApiService.Infrastructure;

public sealed class JobWiseDbContext(DbContextOptions<JobWiseDbContext> options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
    public DbSet<Profile> Profiles => Set<Profile>();
    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<Generation> Generations => Set<Generation>();
    public DbSet<Export> Exports => Set<Export>();
    public DbSet<PendingAtsReport> PendingAtsReports => Set<PendingAtsReport>();
    public DbSet<AccountDeletion> AccountDeletions => Set<AccountDeletion>();
    public DbSet<AccountToken> AccountTokens => Set<AccountToken>();
    public DbSet<PendingEmail> PendingEmails => Set<PendingEmail>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(JobWiseDbContext).Assembly);
}
