using System.Data.Common;
using JobWise.ApiService.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace JobWise.ApiService.Http;

/// <summary>Which exceptions mean "a dependency is down, try again later" (503) rather than a defect (500).</summary>
public static class DependencyFailures
{
    /// <summary>"The database" or "Storage" when <paramref name="exception"/> is an outage of one, else null.</summary>
    public static string? Unavailable(Exception exception) => exception switch
    {
        StorageUnavailableException => "Storage",
        DbException or DbUpdateException or RetryLimitExceededException or TimeoutException => "The database",
        InvalidOperationException { InnerException: DbException } => "The database",
        _ => null,
    };
}
