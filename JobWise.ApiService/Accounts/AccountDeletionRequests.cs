using JobWise.ApiService.Auth;
using JobWise.ApiService.Exports;
using JobWise.ApiService.Http;
using JobWise.ApiService.Infrastructure;
using JobWise.ApiService.Model;
using JobWise.ApiService.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace JobWise.ApiService.Accounts;

/// <summary>
/// Asks for an account's deletion: checks the password again, then in one transaction records the durable deletion
/// job (from then on sign-in is refused) and revokes every refresh token. It then works on the deletion itself for a
/// short budget, so that a small account is gone before the answer; whatever is left the worker finishes.
/// </summary>
public sealed class AccountDeletionRequests(
    JobWiseDbContext db, PasswordHasher hasher, AuthRateLimiter rateLimiter, SignInBackoff backoff, SignOutEverywhere signOut,
    AccountDeletionQueue queue, AccountDeletionRunner runner, IOptions<AccountOptions> options, IOptions<ExportOptions> exportOptions,
    TimeProvider clock, ILogger<AccountDeletionRequests> logger)
{
    public async Task<AccountDeletionOutcome> RequestAsync(
        Guid userId, DeleteAccountRequest request, string? clientAddress, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.Required("password", request.Password, PasswordHasher.MaximumLength);
        if (errors.Any)
        {
            return new AccountDeletionOutcome.Invalid(errors);
        }
        try
        {
            var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
            if (user is null)
            {
                // Deleted while the token still lives: point at the deletion rather than say nothing.
                var running = await db.AccountDeletions.AsNoTracking().SingleOrDefaultAsync(d => d.UserId == userId, cancellationToken);
                return running is null ? new AccountDeletionOutcome.AccountGone() : new AccountDeletionOutcome.Accepted(running.Id);
            }
            if (await rateLimiter.TryAcquireSignInAsync(clientAddress, user.NormalizedEmail, cancellationToken) is { } retryAfter)
            {
                return new AccountDeletionOutcome.RetryLater(StatusCodes.Status429TooManyRequests, "Too many attempts; try again later.", retryAfter);
            }
            // A stolen access token must not turn into a password oracle: the same limits and slowdown as sign-in.
            await Task.Delay(await backoff.DelayForAsync(user.NormalizedEmail), cancellationToken);
            if (!hasher.Verify(request.Password!, user.PasswordHash))
            {
                await backoff.RecordFailureAsync(user.NormalizedEmail);
                return new AccountDeletionOutcome.WrongPassword();
            }
            var deletionId = await RecordAsync(user, cancellationToken);
            return await WorkOnItAsync(deletionId, cancellationToken)
                ? new AccountDeletionOutcome.Done()
                : new AccountDeletionOutcome.Accepted(deletionId);
        }
        catch (Exception exception) when (DependencyFailures.Unavailable(exception) is { } what)
        {
            logger.LogWarning(exception, "{Dependency} failed while asking for an account deletion", what);
            return new AccountDeletionOutcome.RetryLater(StatusCodes.Status503ServiceUnavailable,
                $"{what} is unavailable; try again shortly.", TimeSpan.FromSeconds(exportOptions.Value.RetryAfterSeconds));
        }
    }

    /// <summary>Records the deletion and revokes the sign-ins in one transaction; the id of this or an earlier deletion of the account.</summary>
    private async Task<Guid> RecordAsync(User user, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var deletion = new AccountDeletion
        {
            Id = Guid.NewGuid(),
            UserId = user.Id,
            AccountKey = AuthRateLimiter.AccountKey(user.NormalizedEmail),
            Step = AccountDeletionSteps.Requested,
            RequestedAt = now,
            AvailableAt = now,
        };
        try
        {
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                db.AccountDeletions.Add(deletion);
                await db.SaveChangesAsync(cancellationToken);
                // A new security stamp as well: access tokens in flight stop working now, not when the user row is gone.
                await signOut.ApplyAsync(user.Id, cancellationToken);
                // Mail still queued for the address (a reset, a verification) would only tell a deleted account's owner nothing.
                await db.PendingEmails.Where(mail => mail.NormalizedEmail == user.NormalizedEmail).ExecuteDeleteAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            });
            signOut.Committed(user.Id);
            return deletion.Id;
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            return await db.AccountDeletions.AsNoTracking().Where(d => d.UserId == user.Id).Select(d => d.Id).SingleAsync(cancellationToken);
        }
    }

    /// <summary>Works on the deletion for at most the inline budget; true when it is done.</summary>
    private async Task<bool> WorkOnItAsync(Guid deletionId, CancellationToken cancellationToken)
    {
        var budget = options.Value.InlineDeletionBudget;
        if (budget <= TimeSpan.Zero)
        {
            return false;
        }
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(budget);
        try
        {
            var taken = await queue.TakeAsync(deletionId, options.Value.ClaimLease, deadline.Token);
            // Null: a worker has it already (or it is done, and then the worker will say so on the progress link).
            return taken is not null && await runner.RunTakenAsync(taken, deadline.Token);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The account is disabled and the job recorded: the worker carries on from here.
            logger.LogInformation(exception, "Account deletion {DeletionId} left to the worker", deletionId);
            return false;
        }
    }
}
