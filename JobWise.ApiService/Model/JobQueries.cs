using Microsoft.EntityFrameworkCore;

namespace JobWise.ApiService.Model;

public static class JobQueries
{
    /// <summary>The job when it is the given user's; another user's job is as absent as a missing one.</summary>
    public static Task<Job?> FindOwnedAsync(this IQueryable<Job> jobs, Guid id, Guid userId, CancellationToken cancellationToken) =>
        jobs.SingleOrDefaultAsync(job => job.Id == id && job.UserId == userId, cancellationToken);
}
