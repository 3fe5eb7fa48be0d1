using JobWise.ApiService.Validation;

namespace JobWise.ApiService.Accounts;

/// <summary>What asking for an account's deletion came to; <see cref="AccountApi"/> speaks HTTP.</summary>
public abstract record AccountDeletionOutcome
{
    /// <summary>Deleted while the request waited (204).</summary>
    public sealed record Done : AccountDeletionOutcome;

    /// <summary>Disabled at once and being deleted (202 with where to see progress).</summary>
    public sealed record Accepted(Guid DeletionId) : AccountDeletionOutcome;

    public sealed record Invalid(ValidationErrors Errors) : AccountDeletionOutcome;

    public sealed record WrongPassword : AccountDeletionOutcome;

    /// <summary>The token's account no longer exists and no deletion of it is known.</summary>
    public sealed record AccountGone : AccountDeletionOutcome;

    /// <summary>429 (too many password attempts) or 503 (a dependency is down).</summary>
    public sealed record RetryLater(int StatusCode, string Title, TimeSpan RetryAfter) : AccountDeletionOutcome;
}
