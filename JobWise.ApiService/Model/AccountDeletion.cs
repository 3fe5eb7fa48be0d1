namespace JobWise.ApiService.Model;

/// <summary>
/// A request to delete an account, and the durable job that carries it out: a row of a work queue any API replica
/// takes from, retried with backoff until every step is done. It names no user by foreign key, since it outlives the
/// user's row; once done it forgets whose account it was (<see cref="UserId"/> and <see cref="AccountKey"/> cleared)
/// and is kept only so that its progress can still be looked up.
/// </summary>
public sealed class AccountDeletion
{
    /// <summary>Random and unguessable: whoever holds it may see the deletion's progress, nothing else.</summary>
    public Guid Id { get; set; }
    /// <summary>Whose account; null once the deletion is done.</summary>
    public Guid? UserId { get; set; }
    /// <summary>The digest the sign-in limits key the account by (see <c>AuthRateLimiter.AccountKey</c>); null once done.</summary>
    public string? AccountKey { get; set; }
    /// <summary>The last step started (see <c>AccountDeletionSteps</c>), for progress.</summary>
    public required string Step { get; set; }
    /// <summary>How many times a replica has taken it.</summary>
    public int Attempts { get; set; }
    /// <summary>Not taken before this: the retry backoff, or the lease of the replica working on it.</summary>
    public DateTimeOffset AvailableAt { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}
