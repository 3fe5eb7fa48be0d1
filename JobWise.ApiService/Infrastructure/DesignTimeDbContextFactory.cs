using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace JobWise.ApiService.Infrastructure;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the host or reaching a database.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<JobWiseDbContext>
{
    public JobWiseDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<JobWiseDbContext>()
        .UseNpgsql("Host=localhost;Database=jobwise")
        .UseSnakeCaseNamingConvention()
        .Options);
}
