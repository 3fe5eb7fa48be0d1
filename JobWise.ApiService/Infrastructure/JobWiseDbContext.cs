using Microsoft.EntityFrameworkCore;

namespace JobWise.ApiService.Infrastructure;

public sealed class JobWiseDbContext(DbContextOptions<JobWiseDbContext> options) : DbContext(options)
{
}
