using JobWise.ApiService.Ats;
using JobWise.ApiService.Auth;
using JobWise.ApiService.Exports;
using JobWise.ApiService.Http;
using JobWise.ApiService.Infrastructure;
using JobWise.ApiService.RateLimiting;
using JobWise.ApiService.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace JobWise.ApiService.Accounts;

public static class AccountApi
{
    /// <summary>A password: a few hundred bytes at most.</summary>
    public const long MaxBodyBytes = 16 * 1024;

    public static RouteGroupBuilder MapAccountApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/account").WithTags("Account").WithMaxBodyBytes(MaxBodyBytes);
        group.MapDelete("", DeleteAccount).WithName("DeleteAccount")
            .WithSummary("Delete the account and everything it holds; needs the current password. 204 when done at once, else 202 with a progress link")
            .ProducesDeletion();
        // The same for clients and proxies that drop the body of a DELETE.
        group.MapPost("/delete", DeleteAccount).WithName("DeleteAccountByPost")
            .WithSummary("Delete the account (as DELETE /api/v1/account, for clients that cannot send a body with DELETE)")
            .ProducesDeletion();
        // Anonymous: the account and its tokens are gone once it is done; the id is random and unguessable, and the
        // answer names no one.
        group.MapGet("/deletion/{id:guid}", GetDeletion).WithName("GetAccountDeletion")
            .WithSummary("Progress of an account deletion, by the id its request answered with").AllowAnonymous()
            .Produces<AccountDeletionResponse>().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapPost("/export", ExportData).WithName("ExportAccountData")
            .WithSummary("One ZIP of everything the account holds, stored as an export and answered with a download link")
            .RequireRateLimiting(ExpensiveWorkRateLimit.PolicyName)
            .Produces<ExportResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return group;
    }

    private static RouteHandlerBuilder ProducesDeletion(this RouteHandlerBuilder route) => route
        .Accepts<DeleteAccountRequest>("application/json")
        .Produces(StatusCodes.Status204NoContent)
        .Produces<AccountDeletionResponse>(StatusCodes.Status202Accepted)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status429TooManyRequests)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    public static async Task<IResult> DeleteAccount(
        [FromBody] DeleteAccountRequest request, HttpContext context, AccountDeletionRequests deletions, JobWiseDbContext db,
        CancellationToken cancellationToken)
    {
        var outcome = await deletions.RequestAsync(
            context.User.GetUserId(), request, context.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        switch (outcome)
        {
            case AccountDeletionOutcome.Done:
                return TypedResults.NoContent();
            case AccountDeletionOutcome.Accepted accepted:
                var deletion = await db.AccountDeletions.AsNoTracking().SingleAsync(d => d.Id == accepted.DeletionId, cancellationToken);
                return TypedResults.Accepted(ProgressPath(deletion.Id), AccountDeletionResponse.From(deletion));
            case AccountDeletionOutcome.Invalid invalid:
                return Problems.Validation(invalid.Errors);
            case AccountDeletionOutcome.WrongPassword:
                return TypedResults.Problem(title: "The password is not correct.", statusCode: StatusCodes.Status403Forbidden);
            case AccountDeletionOutcome.AccountGone:
                return Problems.Unauthorized("The account no longer exists.");
            case AccountDeletionOutcome.RetryLater later:
                return Problems.RetryLater(context, later.StatusCode, later.Title, later.RetryAfter);
            default:
                throw new InvalidOperationException($"No HTTP answer for {outcome.GetType().Name}.");
        }
    }

    public static async Task<Results<Ok<AccountDeletionResponse>, ProblemHttpResult>> GetDeletion(
        Guid id, JobWiseDbContext db, CancellationToken cancellationToken)
    {
        var deletion = await db.AccountDeletions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        return deletion is null ? Problems.NotFound("The account deletion") : TypedResults.Ok(AccountDeletionResponse.From(deletion));
    }

    public static async Task<IResult> ExportData(
        HttpContext context, AccountArchiveService archives, ExportActivity activity, CancellationToken cancellationToken)
    {
        using var _ = activity.Begin();
        return (await archives.CreateAsync(context.User.GetUserId(), cancellationToken)).ToHttpResult(context);
    }

    public static string ProgressPath(Guid deletionId) => $"/api/v1/account/deletion/{deletionId}";
}
