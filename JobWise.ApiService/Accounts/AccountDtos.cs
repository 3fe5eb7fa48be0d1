using JobWise.ApiService.Model;

namespace JobWise.ApiService.Accounts;

/// <summary>The account's current password: deleting an account needs it again, whatever token the request carries.</summary>
public sealed record DeleteAccountRequest(string? Password);

/// <summary>
/// A deletion's progress. <c>status</c> is <c>in_progress</c> or <c>done</c>; <c>step</c> the last step started;
/// <c>attempts</c> how many times a replica has worked on it (more than one: something failed and it was retried).
/// </summary>
public sealed record AccountDeletionResponse(
    Guid Id, string Status, string Step, int Attempts, DateTimeOffset RequestedAt, DateTimeOffset? CompletedAt)
{
    public const string InProgress = "in_progress";
    public const string Done = "done";

    public static AccountDeletionResponse From(AccountDeletion deletion) => new(
        deletion.Id, deletion.CompletedAt is null ? InProgress : Done, deletion.Step, deletion.Attempts, deletion.RequestedAt,
        deletion.CompletedAt);
}
